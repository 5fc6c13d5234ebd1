/* A BTF map whose key_size contradicts its key type: libbpf refuses the object when it
 * opens it ("map 'conflict': conflicting key size 8 != 4."). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1);
	__uint(key_size, 8);
	__type(key, __u32);
	__type(value, __u64);
} conflict SEC(".maps");

SEC("xdp")
int def_key_conflict(struct xdp_md *ctx)
{
	__u32 k = 0;
	__u64 *v = bpf_map_lookup_elem(&conflict, &k);

	return v ? XDP_PASS : XDP_DROP;
}
