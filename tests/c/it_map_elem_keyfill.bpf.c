/* iter/bpf_map_elem: a helper may not fill the read-only key. Rejected. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
SEC("iter/bpf_map_elem")
int it_map_elem_keyfill(struct bpf_iter__bpf_map_elem *ctx)
{
	__u32 *key = ctx->key;
	if (key)
		bpf_probe_read_kernel(key, 4, ctx->map);
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
