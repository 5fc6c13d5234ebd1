/* cgroup/getsockopt writing level. Rejected: setsockopt only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/getsockopt") int g(struct bpf_sockopt *ctx) {
  ctx->level = 1;
  return 1;
}
