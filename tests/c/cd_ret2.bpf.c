/* cgroup/dev returning 2. Rejected: device hooks return 0 or 1. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/dev") int d(struct bpf_cgroup_dev_ctx *ctx) {
  if (ctx->major == 8) return 2;
  return 1;
}
