/* iter/bpf_sk_storage_map: the map is not in ctx_arg_info, so it is a BTF pointer that is never NULL; the value read without its check is rejected. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
__u64 sum;
SEC("iter/bpf_sk_storage_map")
int it_sk_storage_map_read(struct bpf_iter__bpf_sk_storage_map *ctx)
{
	__u32 *val = ctx->value;
	sum += ctx->map->max_entries;
	sum += *val;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
