/* cgroup/sock_create reading dst_port (2 bytes) and state. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sock_create") int c(struct bpf_sock *ctx) {
  return ctx->dst_port == 0 && ctx->state == 7;
}
