// A per-CPU array and an LRU hash. Accepted.
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } pc SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_LRU_HASH); __uint(max_entries, 64); __type(key, __u32); __type(value, __u64); } lru SEC(".maps");
SEC("xdp") int x(struct xdp_md *ctx) { __u32 k = 1; __u64 *c = bpf_map_lookup_elem(&pc, &k); if (c) (*c)++; __u64 one = 1; k = ctx->rx_queue_index; bpf_map_update_elem(&lru, &k, &one, BPF_ANY); bpf_map_delete_elem(&lru, &k); return XDP_PASS; }
