// XDP metadata written after adjust_meta and a bounds check. Accepted.
#include "h_common.h"
SEC("xdp") int x(struct xdp_md *ctx) { if (bpf_xdp_adjust_meta(ctx, -4)) return XDP_PASS; void *m = (void *)(long)ctx->data_meta, *d = (void *)(long)ctx->data; if (m + 4 > d) return XDP_PASS; *(__u32 *)m = 7; return XDP_PASS; }
