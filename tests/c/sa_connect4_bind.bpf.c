/* bpf_bind in cgroup/connect4 with a sockaddr on the stack, and the
 * source address of sendmsg4 written. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct sa_in { __u16 family; __u16 port; __u32 addr; char zero[8]; };
SEC("cgroup/connect4") int c(struct bpf_sock_addr *ctx) {
  struct sa_in sa = { .family = 2, .addr = __builtin_bswap32(0x7f000001) };
  if (bpf_bind(ctx, (void *)&sa, sizeof(sa)) != 0) return 0;
  return 1;
}
SEC("cgroup/sendmsg4") int s(struct bpf_sock_addr *ctx) {
  ctx->msg_src_ip4 = __builtin_bswap32(0x7f000001);
  return 1;
}
