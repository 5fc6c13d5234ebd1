// bpf_spin_lock taken twice. Rejected: function calls are not allowed while holding a lock
#include "h_common.h"
struct val { struct bpf_spin_lock l; __u64 n; };
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, struct val); } a SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) { __u32 k = 0; struct val *v = bpf_map_lookup_elem(&a, &k); if (!v) return 0; bpf_spin_lock(&v->l); bpf_spin_lock(&v->l); bpf_spin_unlock(&v->l); return 0; }
