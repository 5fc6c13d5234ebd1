/* An array of maps declared without its inner map (no __array(values, ...)):
 * libbpf passes no inner map fd and the kernel refuses to create it, on
 * both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} mc_outer SEC(".maps");

SEC("xdp")
int mc_array_of_maps_no_inner(struct xdp_md *ctx)
{
	__u32 k = 0;

	return bpf_map_lookup_elem(&mc_outer, &k) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
