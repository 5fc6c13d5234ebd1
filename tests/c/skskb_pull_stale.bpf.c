/* bpf_skb_pull_data changes the packet: a pointer checked before it is dead after. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_skb/stream_verdict") int skskb_pull_stale(struct __sk_buff *skb) {
  __u32 *p = (void *)(long)skb->data;
  if ((void *)(p + 1) > (void *)(long)skb->data_end)
    return 1;
  bpf_skb_pull_data(skb, 4);
  return *(volatile __u32 *)p;
}
