/* lwt_xmit writing the packet and storing bytes with a helper, then
 * reading the packet again after the check is redone. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_xmit") int x(struct __sk_buff *skb) {
  __u8 *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end;
  __u8 v = 1;
  if (d + 2 > e) return BPF_DROP;
  d[0] = 0;
  bpf_skb_store_bytes(skb, 1, &v, 1, 0);
  d = (void *)(long)skb->data; e = (void *)(long)skb->data_end;
  if (d + 2 > e) return BPF_DROP;
  return d[1] == 1 ? BPF_OK : BPF_REDIRECT;
}
