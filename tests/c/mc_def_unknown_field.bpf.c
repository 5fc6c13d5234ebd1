/* A BTF map with a member libbpf does not know: libbpf opens objects strictly and refuses
 * it ("map 'extra': unknown field 'flags'."). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
	__uint(flags, 1);
} extra SEC(".maps");

SEC("xdp")
int def_unknown_field(struct xdp_md *ctx)
{
	__u32 k = 0;
	__u64 *v = bpf_map_lookup_elem(&extra, &k);

	return v ? XDP_PASS : XDP_DROP;
}
