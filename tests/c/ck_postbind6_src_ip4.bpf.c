/* cgroup/post_bind6 reading src_ip4. Rejected: the IPv4 field is for
 * post_bind4. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/post_bind6") int c(struct bpf_sock *ctx) {
  return ctx->src_ip4 != 0;
}
