// A callback that may return 2: bpf_loop callbacks return 0 or 1. Rejected: At callback return the register R0 has value (0x2; 0x0) should have been in (0x0; 0x1)
#include "h_common.h"
static int cb(__u32 i, void *c) { return *(long *)c > 3 ? 2 : 0; }
SEC("tc") int t(struct __sk_buff *skb) { long n = skb->len; bpf_loop(4, cb, &n, 0); return 0; }
