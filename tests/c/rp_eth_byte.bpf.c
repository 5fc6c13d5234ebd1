/* sk_reuseport reading one byte of eth_protocol. Rejected: no narrower
 * than the skb's 2-byte protocol. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_reuseport") int r(struct sk_reuseport_md *md) {
  return *(volatile __u8 *)&md->eth_protocol == 8 ? SK_DROP : SK_PASS;
}
