/* sk_lookup reading the selected socket's family after a NULL check,
 * and the remote port as 4 and 2 bytes. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_lookup") int l(struct bpf_sk_lookup *ctx) {
  struct bpf_sock *sk = ctx->sk;
  __u32 p4 = *(volatile __u32 *)&ctx->remote_port;
  __u16 p2 = *(volatile __u16 *)&ctx->remote_port;
  if (sk && sk->family == 2 && p4 == p2) return SK_DROP;
  return SK_PASS;
}
