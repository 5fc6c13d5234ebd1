// bpf_loop inside a bpf_loop callback. Accepted.
#include "h_common.h"
static int inner(__u32 i, void *c) { (*(long *)c) += i; return 0; }
static int outer(__u32 i, void *c) { bpf_loop(3, inner, c, 0); return 0; }
SEC("tc") int t(struct __sk_buff *skb) { long n = 0; bpf_loop(4, outer, &n, 0); return n & 1; }
