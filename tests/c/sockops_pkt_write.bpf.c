/* sockops may not write packet data. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_pkt_write(struct bpf_sock_ops *skops) {
  __u8 *p = skops->skb_data;
  if (p + 2 > (__u8 *)skops->skb_data_end)
    return 1;
  p[0] = 1;
  return 1;
}
