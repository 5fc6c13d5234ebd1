// A variable stack write beyond an 8-byte buffer. Rejected: invalid variable-offset write to stack R2 var_off=(0x0; 0xf) size=1
#include "h_common.h"
SEC("tc") int t(struct __sk_buff *skb) { volatile char b[8]; int i = skb->len & 15; b[i] = 1; return b[0]; }
