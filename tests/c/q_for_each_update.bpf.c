// bpf_for_each_map_elem whose callback writes the value and stops early. Accepted.
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } a SEC(".maps");
static long cb(void *map, __u32 *key, __u64 *val, void *ctx) { *val += *key; if (*key == 2) return 1; return 0; }
SEC("xdp") int x(struct xdp_md *ctx) { bpf_for_each_map_elem(&a, cb, 0, 0); return XDP_PASS; }
