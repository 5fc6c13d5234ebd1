// XDP ctx fields are read-only. Rejected: invalid bpf_context access off=16 size=4
#include "h_common.h"
SEC("xdp") int x(struct xdp_md *ctx) { ctx->rx_queue_index = 1; return XDP_PASS; }
