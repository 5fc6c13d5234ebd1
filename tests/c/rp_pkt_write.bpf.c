/* sk_reuseport writing the packet. Rejected: read only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_reuseport") int r(struct sk_reuseport_md *md) {
  __u8 *d = md->data, *e = md->data_end;
  if (d + 1 > e) return SK_DROP;
  d[0] = 1;
  return SK_PASS;
}
