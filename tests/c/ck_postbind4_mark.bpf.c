/* cgroup/post_bind4 writing mark. Rejected: create and release hooks only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/post_bind4") int c(struct bpf_sock *ctx) {
  ctx->mark = 1;
  return 1;
}
