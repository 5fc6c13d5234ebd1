// A raw tracepoint reading its args. Accepted.
#include "h_common.h"
SEC("raw_tracepoint/sys_enter") int r(struct bpf_raw_tracepoint_args *ctx) { return ctx->args[1] & 1; }
