/* cgroup/dev writing major. Rejected: the context is read only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/dev") int d(struct bpf_cgroup_dev_ctx *ctx) {
  ctx->major = 7;
  return 1;
}
