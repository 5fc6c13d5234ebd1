/* libbpf's cgroup/skb section: a cgroup_skb program reading packet data. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/skb") int cgroup_skb_slash_pkt(struct __sk_buff *skb) {
  __u8 *p = (void *)(long)skb->data;
  if ((void *)(p + 1) > (void *)(long)skb->data_end)
    return 1;
  return p[0] != 0x45;
}
