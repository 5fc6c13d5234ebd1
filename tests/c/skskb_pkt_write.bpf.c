/* sk_skb may write packet data directly once a bounds check allows it. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_skb/stream_parser") int skskb_pkt_write(struct __sk_buff *skb) {
  __u32 *p = (void *)(long)skb->data;
  if ((void *)(p + 1) > (void *)(long)skb->data_end)
    return skb->len;
  *p = 1;
  return skb->len;
}
