// skb->sk used without a NULL check. Rejected: R1 invalid mem access 'sock_common_or_null'
#include "h_common.h"
SEC("tc") int t(struct __sk_buff *skb) { struct bpf_sock *sk = skb->sk; return sk->family; }
