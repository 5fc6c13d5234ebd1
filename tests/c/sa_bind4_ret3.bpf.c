/* cgroup/bind4 may return 0 to 3 (bit 1: skip the port's CAP check).
 * Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/bind4") int b(struct bpf_sock_addr *ctx) {
  if (ctx->user_port == __builtin_bswap16(80)) return 3;
  return 1;
}
