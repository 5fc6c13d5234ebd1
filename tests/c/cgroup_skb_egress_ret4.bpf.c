/* Even on egress a cgroup_skb program returns at most 3. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup_skb/egress") int cgroup_skb_egress_ret4(struct __sk_buff *skb) {
  return skb->len > 1000 ? 4 : 1;
}
