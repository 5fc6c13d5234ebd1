// Narrow (1- and 2-byte) loads of __sk_buff fields. Accepted.
#include "h_common.h"
SEC("tc") int t(struct __sk_buff *skb) { __u8 b = *(volatile __u8 *)&skb->mark; __u16 h = *(volatile __u16 *)((char *)&skb->len + 2); return b + h; }
