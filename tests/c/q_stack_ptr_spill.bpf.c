// A map value pointer (or NULL) spilled to the stack and filled back before the NULL check. Accepted.
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 8); __type(key, __u32); __type(value, __u64); } h SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) { __u32 k = skb->mark; __u64 *v = bpf_map_lookup_elem(&h, &k); __u64 *volatile saved = v; asm volatile("" ::: "memory"); __u64 *w = saved; if (w) return *w & 1; return 0; }
