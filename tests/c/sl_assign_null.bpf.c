/* sk_lookup assigning NULL (allowed: it clears the selection). Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_lookup") int l(struct bpf_sk_lookup *ctx) {
  bpf_sk_assign(ctx, 0, BPF_SK_LOOKUP_F_REPLACE);
  return SK_PASS;
}
