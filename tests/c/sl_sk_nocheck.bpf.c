/* sk_lookup reading the selected socket without a NULL check. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_lookup") int l(struct bpf_sk_lookup *ctx) {
  return ctx->sk->family == 2 ? SK_DROP : SK_PASS;
}
