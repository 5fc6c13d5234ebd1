// bpf_perf_event_output to a perf event array from tc, socket filter and kprobe. Accepted.
#include "h_common.h"
struct { __uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY); __uint(key_size, 4); __uint(value_size, 4); } ev SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) { __u64 d = skb->len; bpf_perf_event_output(skb, &ev, BPF_F_CURRENT_CPU, &d, sizeof(d)); return 0; }
SEC("socket") int s(struct __sk_buff *skb) { __u64 d = skb->len; bpf_perf_event_output(skb, &ev, BPF_F_CURRENT_CPU, &d, sizeof(d)); return 0; }
SEC("kprobe/do_nanosleep") int k(void *ctx) { __u64 d = 1; bpf_perf_event_output(ctx, &ev, BPF_F_CURRENT_CPU, &d, sizeof(d)); return 0; }
