/* iter/bpf_map_elem: the key read without its NULL check. Rejected. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
__u64 sum;
SEC("iter/bpf_map_elem")
int it_map_elem_nokeycheck(struct bpf_iter__bpf_map_elem *ctx)
{
	__u32 *key = ctx->key;
	sum += *key;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
