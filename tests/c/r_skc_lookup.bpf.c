// bpf_skc_lookup_tcp, a field of the sock_common, bpf_sk_release. Accepted.
#include "h_common.h"
SEC("tc") int t(struct __sk_buff *skb) { struct bpf_sock_tuple tup = {}; tup.ipv4.dport = skb->mark; struct bpf_sock *sk = bpf_skc_lookup_tcp(skb, &tup, sizeof(tup.ipv4), -1, 0); if (!sk) return 0; int s = sk->state; bpf_sk_release(sk); return s & 1; }
