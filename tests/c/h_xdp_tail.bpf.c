// XDP: adjust_meta and adjust_tail, then a fresh bounds check; redirect. Accepted.
#include "h_common.h"
SEC("xdp") int x(struct xdp_md *ctx) { if (bpf_xdp_adjust_meta(ctx, -4)) return 1; if (bpf_xdp_adjust_tail(ctx, -4)) return 1; void *d = (void *)(long)ctx->data, *e = (void *)(long)ctx->data_end; if (d + 1 > e) return 1; return bpf_redirect(*(char *)d, 0) + bpf_get_numa_node_id() + bpf_ktime_get_boot_ns(); }
