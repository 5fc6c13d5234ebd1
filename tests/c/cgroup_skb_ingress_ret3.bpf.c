/* cgroup_skb/ingress programs return 0 or 1 only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup_skb/ingress") int cgroup_skb_ingress_ret3(struct __sk_buff *skb) {
  return skb->len > 1000 ? 3 : 1;
}
