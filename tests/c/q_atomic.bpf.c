// Atomics on a map value: fetch_add, xchg, cmpxchg. Accepted.
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __u64); } m SEC(".maps");
SEC("xdp") int x(struct xdp_md *ctx) { __u32 k = 0; __u64 *v = bpf_map_lookup_elem(&m, &k); if (!v) return 0; __sync_fetch_and_add(v, 1); __u64 old = __sync_lock_test_and_set(v, 5); __sync_val_compare_and_swap(v, 5, old); return XDP_PASS; }
