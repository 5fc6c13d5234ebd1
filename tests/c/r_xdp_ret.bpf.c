// XDP return values are not range-checked in 6.1. Accepted.
#include "h_common.h"
SEC("xdp") int x(struct xdp_md *ctx) { return 17; }
