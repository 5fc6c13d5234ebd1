/* cgroup/setsockopt returning 2. Rejected: 0 or 1. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/setsockopt") int s(struct bpf_sockopt *ctx) {
  return ctx->optlen > 100 ? 2 : 1;
}
