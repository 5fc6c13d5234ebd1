// cgroup_skb: bpf_skb_load_bytes_relative with a masked size 1..16 into a 16-byte buffer.
// Accepted: the size is bounded and non-zero.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup_skb/ingress") int c(struct __sk_buff *skb) {
  __u8 b[16];
  __u32 n = (skb->len & 15) + 1;
  if (bpf_skb_load_bytes_relative(skb, 0, b, n, BPF_HDR_START_NET)) return 1;
  return 1;
}
