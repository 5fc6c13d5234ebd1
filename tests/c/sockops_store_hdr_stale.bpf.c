/* bpf_store_hdr_opt changes packet data: an skb_data pointer checked before it is dead after. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_store_hdr_stale(struct bpf_sock_ops *skops) {
  __u8 *p = skops->skb_data;
  __u8 opt[4] = { 0xfd, 4, 1, 2 };
  if (p + 2 > (__u8 *)skops->skb_data_end)
    return 1;
  bpf_store_hdr_opt(skops, opt, sizeof(opt), 0);
  return *(volatile __u8 *)p & 1;
}
