// bpf_ringbuf_output and bpf_ringbuf_query. Accepted.
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) { __u64 d[2] = { skb->len, skb->mark }; bpf_ringbuf_output(&rb, d, sizeof(d), 0); return bpf_ringbuf_query(&rb, 0) & 1; }
