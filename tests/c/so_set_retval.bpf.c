/* cgroup/setsockopt writing retval. Rejected: getsockopt only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/setsockopt") int s(struct bpf_sockopt *ctx) {
  ctx->retval = 0;
  return 1;
}
