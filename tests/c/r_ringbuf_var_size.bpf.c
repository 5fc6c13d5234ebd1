// bpf_ringbuf_reserve with a variable size. Rejected: R2 is not a known constant'
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) { void *r = bpf_ringbuf_reserve(&rb, skb->len & 63, 0); if (!r) return 0; bpf_ringbuf_submit(r, 0); return 0; }
