/* A legacy `struct bpf_map_def` in SEC("maps"): libbpf 1.0+ refuses the object when it opens
 * it ("elf: legacy map definitions in 'maps' section are not supported by libbpf v1.0+"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

struct legacy_map_def {
	unsigned int type;
	unsigned int key_size;
	unsigned int value_size;
	unsigned int max_entries;
	unsigned int map_flags;
};

struct legacy_map_def counts SEC("maps") = {
	.type = BPF_MAP_TYPE_ARRAY,
	.key_size = 4,
	.value_size = 8,
	.max_entries = 1,
};

SEC("xdp")
int legacy_maps(struct xdp_md *ctx)
{
	__u32 k = 0;
	__u64 *v = bpf_map_lookup_elem(&counts, &k);

	return v ? XDP_PASS : XDP_DROP;
}
