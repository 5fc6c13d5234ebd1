// cgroup/connect4: rewrite the destination address when the port is 80 (network order). Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/connect4") int c(struct bpf_sock_addr *ctx) {
  if (ctx->user_port == 0x5000) ctx->user_ip4 = 0x0100007f;
  return 1;
}
