/* A bloom filter whose value size was left for user space to set: the
 * kernel refuses to create it (bloom_map_alloc: value_size 0 is EINVAL),
 * so libbpf fails the object before any program loads, on both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
	__uint(max_entries, 64);
} mc_bloom SEC(".maps");

SEC("xdp")
int mc_bloom_no_value(struct xdp_md *ctx)
{
	__u32 v = 7;

	return bpf_map_peek_elem(&mc_bloom, &v) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
