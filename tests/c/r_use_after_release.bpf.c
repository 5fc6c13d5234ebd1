// Writing a ringbuf record after submitting it. Rejected: R6 invalid mem access 'scalar'
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) { __u64 *r = bpf_ringbuf_reserve(&rb, 8, 0); if (!r) return 0; bpf_ringbuf_submit(r, 0); *(volatile __u64 *)r = 1; return 0; }
