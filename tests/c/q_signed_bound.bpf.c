// A signed index checked only from above: it may be negative. Rejected: value -2147483648 makes map_value pointer be out of bounds
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, char[64]); } m SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) { __u32 k = 0; char *v = bpf_map_lookup_elem(&m, &k); if (!v) return 0; int i = (int)skb->len; if (i < 64) return v[i]; return 0; }
