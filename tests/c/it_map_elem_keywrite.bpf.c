/* iter/bpf_map_elem: the key is read-only. Rejected. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
SEC("iter/bpf_map_elem")
int it_map_elem_keywrite(struct bpf_iter__bpf_map_elem *ctx)
{
	__u32 *key = ctx->key;
	if (key)
		*key = 1;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
