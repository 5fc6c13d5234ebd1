/* cgroup/setsockopt rewriting level and optname (clang merges the two
 * stores into one 8-byte store, refused by the context), and calling
 * bpf_setsockopt on the socket with a value on the stack. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/setsockopt") int s(struct bpf_sockopt *ctx) {
  int one = 1;
  if (ctx->level == 6) {
    ctx->level = 1;
    ctx->optname = 9;
    bpf_setsockopt(ctx->sk, 1, 9, &one, sizeof(one));
  }
  return 1;
}
