/* skb_data reads after a bounds check. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_pkt_read(struct bpf_sock_ops *skops) {
  __u8 *p = skops->skb_data;
  if (p + 2 > (__u8 *)skops->skb_data_end)
    return 1;
  return (p[1] + skops->skb_len) & 1;
}
