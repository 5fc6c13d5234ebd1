/* cgroup/sock_create setting mark and priority, reading family, type and
 * protocol. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sock_create") int c(struct bpf_sock *ctx) {
  if (ctx->family == 2 && ctx->type == 1 && ctx->protocol == 6) {
    ctx->mark = 42;
    ctx->priority = 3;
  }
  ctx->bound_dev_if = 0;
  return 1;
}
