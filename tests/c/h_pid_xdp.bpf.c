// bpf_get_current_pid_tgid is a tracing helper. Rejected in XDP: unknown func.
#include "h_common.h"
SEC("xdp") int x(struct xdp_md *ctx) { return bpf_get_current_pid_tgid() & 1; }
