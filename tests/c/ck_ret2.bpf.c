/* cgroup/sock_create returning 2. Rejected: 0 or 1. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sock_create") int c(struct bpf_sock *ctx) {
  return ctx->protocol == 17 ? 2 : 1;
}
