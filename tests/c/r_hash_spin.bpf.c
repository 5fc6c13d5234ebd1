// A spin lock in a hash map value. Accepted.
#include "h_common.h"
struct val { struct bpf_spin_lock l; __u64 n; };
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 8); __type(key, __u32); __type(value, struct val); } h SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) { __u32 k = skb->mark; struct val *v = bpf_map_lookup_elem(&h, &k); if (!v) return 0; bpf_spin_lock(&v->l); v->n++; bpf_spin_unlock(&v->l); return 0; }
