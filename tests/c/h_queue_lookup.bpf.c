// bpf_map_lookup_elem on a queue map: its key size is 0. Rejected: invalid zero-sized read.
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_QUEUE); __uint(max_entries, 16); __uint(value_size, 8); } q SEC(".maps");
SEC("xdp") int x(struct xdp_md *ctx) { int k = 0; __u64 *v = bpf_map_lookup_elem(&q, &k); return v ? 1 : 2; }
