// A map value indexed by a masked (0..7) offset. Accepted.
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __u64[8]); } m SEC(".maps");
SEC("xdp") int x(struct xdp_md *ctx) { __u32 k = 0; __u64 *v = bpf_map_lookup_elem(&m, &k); if (!v) return 0; __u32 i = ctx->ingress_ifindex & 7; v[i] += 1; return XDP_PASS; }
