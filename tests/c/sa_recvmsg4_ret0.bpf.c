/* cgroup/recvmsg4 returning 0. Rejected: recvmsg, getpeername and
 * getsockname hooks must return 1 ("should have been in (0x1; 0x0)"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/recvmsg4") int r(struct bpf_sock_addr *ctx) {
  if (ctx->user_ip4 == 0) return 0;
  return 1;
}
