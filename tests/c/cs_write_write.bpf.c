/* cgroup/sysctl writing ctx->write. Rejected: it is read only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sysctl") int s(struct bpf_sysctl *ctx) {
  ctx->write = 0;
  return 1;
}
