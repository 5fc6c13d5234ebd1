// A tail call while holding a ringbuf record. Rejected: tail_call would lead to reference leak
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_PROG_ARRAY); __uint(max_entries, 2); __uint(key_size, 4); __uint(value_size, 4); } pa SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) { void *r = bpf_ringbuf_reserve(&rb, 8, 0); if (!r) return 0; bpf_tail_call(skb, &pa, 0); bpf_ringbuf_discard(r, 0); return 0; }
