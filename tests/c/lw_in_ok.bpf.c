/* lwt_in reading the packet after a bounds check, the mark, and a cb
 * slot written. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_in") int i(struct __sk_buff *skb) {
  __u8 *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end;
  if (d + 1 > e) return BPF_DROP;
  skb->cb[0] = skb->mark;
  return d[0] == 0x45 ? BPF_OK : BPF_DROP;
}
