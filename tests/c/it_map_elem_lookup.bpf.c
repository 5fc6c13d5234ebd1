/* iter/bpf_map_elem: the key buffer handed to bpf_map_lookup_elem as a key, the value buffer to bpf_probe_read_kernel to fill. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } other SEC(".maps");
__u64 sum;
SEC("iter/bpf_map_elem")
int it_map_elem_lookup(struct bpf_iter__bpf_map_elem *ctx)
{
	__u32 *key = ctx->key;
	__u64 *val = ctx->value;
	if (!key || !val)
		return 0;
	__u64 *o = bpf_map_lookup_elem(&other, key);
	if (o)
		sum += *o;
	bpf_probe_read_kernel(val, 8, ctx->map);
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
