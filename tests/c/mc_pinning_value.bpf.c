/* A BTF map pinned with a value libbpf does not know (cilium/ebpf loaders define their own,
 * e.g. 100): libbpf refuses the object when it opens it ("map 'pinned': invalid pinning
 * value 100."). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
	__uint(pinning, 100);
} pinned SEC(".maps");

SEC("xdp")
int pinning_value(struct xdp_md *ctx)
{
	__u32 k = 0;
	__u64 *v = bpf_map_lookup_elem(&pinned, &k);

	return v ? XDP_PASS : XDP_DROP;
}
