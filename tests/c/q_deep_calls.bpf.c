// Nine nested static calls: one frame too many. Rejected: the call stack of 9 frames is too deep
#include "h_common.h"
#define F(n, m) static __noinline int f##n(int x) { return f##m(x + 1) + 1; }
static __noinline int f9(int x) { return x; }
F(8,9) F(7,8) F(6,7) F(5,6) F(4,5) F(3,4) F(2,3) F(1,2)
SEC("tc") int t(struct __sk_buff *skb) { return f1(skb->len) & 1; }
