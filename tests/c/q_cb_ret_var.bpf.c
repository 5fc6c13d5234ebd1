// A callback returning a 0/1 comparison. Accepted.
#include "h_common.h"
static int cb(__u32 i, void *c) { return *(long *)c > 3; }
SEC("tc") int t(struct __sk_buff *skb) { long n = skb->len; bpf_loop(4, cb, &n, 0); return 0; }
