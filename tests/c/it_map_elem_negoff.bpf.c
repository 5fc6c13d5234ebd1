/* iter/bpf_map_elem: a read before the buffer. Rejected. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
__u64 sum;
SEC("iter/bpf_map_elem")
int it_map_elem_negoff(struct bpf_iter__bpf_map_elem *ctx)
{
	__u32 *key = ctx->key;
	if (key)
		sum += key[-1];
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
