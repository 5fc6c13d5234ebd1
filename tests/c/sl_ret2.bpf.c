/* sk_lookup returning 2. Rejected: SK_DROP or SK_PASS. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_lookup") int l(struct bpf_sk_lookup *ctx) {
  return ctx->family == 2 ? 2 : SK_PASS;
}
