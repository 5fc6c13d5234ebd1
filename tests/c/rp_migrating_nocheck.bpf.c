/* sk_reuseport/migrate reading the migrating socket without a NULL
 * check. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_reuseport/migrate") int r(struct sk_reuseport_md *md) {
  return md->migrating_sk->state == 10 ? SK_DROP : SK_PASS;
}
