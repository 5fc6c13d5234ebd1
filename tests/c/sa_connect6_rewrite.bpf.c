/* cgroup/connect6 reading the IPv6 address as a u64 and a narrow u16 of
 * the port, and rewriting the address word by word. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/connect6") int c(struct bpf_sock_addr *ctx) {
  __u64 hi = *(volatile __u64 *)&ctx->user_ip6[0];
  __u16 port = *(volatile __u16 *)&ctx->user_port;
  if (hi == 0 && port == __builtin_bswap16(53)) {
    ctx->user_ip6[0] = 0;
    ctx->user_ip6[3] = __builtin_bswap32(1);
  }
  return 1;
}
