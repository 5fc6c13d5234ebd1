// Division and modulo by an unknown value (BPF defines x/0 = 0). Accepted.
#include "h_common.h"
SEC("tc") int t(struct __sk_buff *skb) { __u64 a = skb->len, b = skb->mark; return (a / b + a % b) & 1; }
