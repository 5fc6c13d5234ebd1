// bpf_skb_store_bytes may move the packet: a packet pointer checked before it is a scalar after. Rejected: R6 invalid mem access 'scalar'.
#include "h_common.h"
SEC("tc") int t(struct __sk_buff *skb) { void *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end; if (d + 14 > e) return 0; char b[2] = {1,2}; bpf_skb_store_bytes(skb, 0, b, 2, 0); return *(volatile char *)d; }
