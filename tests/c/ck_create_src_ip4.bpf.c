/* cgroup/sock_create reading src_ip4. Rejected: only post_bind4 reads it. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sock_create") int c(struct bpf_sock *ctx) {
  return ctx->src_ip4 == 0x0100007f;
}
