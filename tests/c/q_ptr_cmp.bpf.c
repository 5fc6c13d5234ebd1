// A packet walked byte by byte, each step checked against data_end. Accepted.
#include "h_common.h"
SEC("xdp") int x(struct xdp_md *ctx) { void *d = (void *)(long)ctx->data, *e = (void *)(long)ctx->data_end; __u8 *p = d; int n = 0;
#pragma clang loop unroll(disable)
for (int i = 0; i < 16; i++) { if ((void *)(p + 1) > e) break; n += *p; p++; } return n & 3; }
