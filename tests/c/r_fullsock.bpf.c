// skb->sk (sock_common or NULL), bpf_sk_fullsock, bpf_tcp_sock, a tcp_sock field. Accepted.
#include "h_common.h"
SEC("tc") int t(struct __sk_buff *skb) { struct bpf_sock *sk = skb->sk; if (!sk) return 0; sk = bpf_sk_fullsock(sk); if (!sk) return 0; struct bpf_tcp_sock *tp = bpf_tcp_sock(sk); if (!tp) return 0; return tp->snd_cwnd & 1; }
