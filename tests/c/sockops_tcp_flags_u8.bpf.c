/* skb_tcp_flags may be read narrow. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_tcp_flags_u8(struct bpf_sock_ops *skops) {
  return *(volatile __u8 *)&skops->skb_tcp_flags & 1;
}
