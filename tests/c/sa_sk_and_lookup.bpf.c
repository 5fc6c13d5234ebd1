/* The hook's socket (ctx->sk, never NULL) and a socket lookup released on
 * every path, in cgroup/connect4; getsockopt into the stack. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/connect4") int c(struct bpf_sock_addr *ctx) {
  struct bpf_sock *sk = ctx->sk;
  struct bpf_sock_tuple t = {};
  int mark = 0;
  if (sk->family != 2) return 1;
  t.ipv4.daddr = ctx->user_ip4;
  t.ipv4.dport = (__u16)ctx->user_port;
  struct bpf_sock *other = bpf_sk_lookup_tcp(ctx, &t, sizeof(t.ipv4), -1, 0);
  if (other) bpf_sk_release(other);
  bpf_getsockopt(ctx, 1, 36, &mark, sizeof(mark));
  return 1;
}
