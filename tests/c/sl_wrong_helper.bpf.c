/* sk_lookup calling bpf_get_current_uid_gid. Rejected: not one of its
 * helpers. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_lookup") int l(struct bpf_sk_lookup *ctx) {
  return bpf_get_current_uid_gid() == 0 ? SK_PASS : SK_DROP;
}
