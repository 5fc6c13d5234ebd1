/* iter/bpf_map_elem: key (read-only) and value are buffers that may be NULL (ctx_arg_info: PTR_TO_BUF); after the checks, read both and write the value. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
__u64 sum;
SEC("iter/bpf_map_elem")
int it_map_elem_ok(struct bpf_iter__bpf_map_elem *ctx)
{
	__u32 *key = ctx->key;
	__u64 *val = ctx->value;
	if (!key || !val)
		return 0;
	sum += *key + *val;
	*val = 0;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
