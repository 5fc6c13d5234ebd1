// A raw tracepoint reading args[3]. Accepted.
#include "h_common.h"
SEC("raw_tracepoint/sys_enter") int r(struct bpf_raw_tracepoint_args *ctx) { return ctx->args[3] & 1; }
