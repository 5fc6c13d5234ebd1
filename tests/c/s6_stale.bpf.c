/* lwt_seg6local reading the packet through a pointer made stale by
 * bpf_lwt_seg6_adjust_srh. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_seg6local") int s(struct __sk_buff *skb) {
  __u8 *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end;
  if (d + 1 > e) return BPF_DROP;
  bpf_lwt_seg6_adjust_srh(skb, 8, 8);
  return d[0];
}
