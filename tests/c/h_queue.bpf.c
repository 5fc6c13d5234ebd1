// A queue map: push, pop and peek (pop/peek write the value). Accepted.
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_QUEUE); __uint(max_entries, 16); __uint(value_size, 8); } q SEC(".maps");
SEC("xdp") int x(struct xdp_md *ctx) { __u64 v = 7, o; bpf_map_push_elem(&q, &v, 0); if (bpf_map_pop_elem(&q, &o)) return 1; bpf_map_peek_elem(&q, &o); return o & 3; }
