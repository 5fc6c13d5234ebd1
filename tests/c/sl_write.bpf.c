/* sk_lookup writing local_port. Rejected: the context is read only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_lookup") int l(struct bpf_sk_lookup *ctx) {
  ctx->local_port = 1;
  return SK_PASS;
}
