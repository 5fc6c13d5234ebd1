/* cgroup_skb/egress programs may return 0..3 (bit 1: congestion notification). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup_skb/egress") int cgroup_skb_egress_ret3(struct __sk_buff *skb) {
  return skb->len > 1000 ? 3 : 1;
}
