/* cgroup/post_bind4 reading the source address (a byte of it too) and
 * port. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/post_bind4") int c(struct bpf_sock *ctx) {
  unsigned char b = *(volatile unsigned char *)&ctx->src_ip4;
  if (b == 127 && ctx->src_port == 8080) return 0;
  return 1;
}
