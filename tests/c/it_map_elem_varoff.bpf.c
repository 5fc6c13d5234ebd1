/* iter/bpf_map_elem: a buffer offset must be constant. Rejected. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
__u64 sum;
SEC("iter/bpf_map_elem")
int it_map_elem_varoff(struct bpf_iter__bpf_map_elem *ctx)
{
	__u8 *val = ctx->value;
	__u32 *key = ctx->key;
	if (!key || !val)
		return 0;
	sum += val[*key & 7];
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
