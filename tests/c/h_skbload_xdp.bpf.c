// bpf_skb_load_bytes in cgroup_skb and socket filters. Accepted.
#include "h_common.h"
SEC("cgroup_skb/ingress") int c(struct __sk_buff *skb) { char b[4]; bpf_skb_load_bytes(skb, 0, b, 4); return 1; }
SEC("socket") int s(struct __sk_buff *skb) { char b[4]; return bpf_skb_load_bytes(skb, 0, b, 4) ? 0 : b[0]; }
