/* cgroup/sock (socket creation) writing family. Rejected: read only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sock") int c(struct bpf_sock *ctx) {
  ctx->family = 10;
  return 1;
}
