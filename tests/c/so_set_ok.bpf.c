/* cgroup/setsockopt rewriting level and optname in separate stores and
 * calling bpf_setsockopt on the socket. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/setsockopt") int s(struct bpf_sockopt *ctx) {
  int one = 1;
  if (ctx->level == 6) {
    ctx->level = 1;
    asm volatile("" ::: "memory");
    ctx->optname = 9;
    bpf_setsockopt(ctx->sk, 1, 9, &one, sizeof(one));
  }
  return 1;
}
