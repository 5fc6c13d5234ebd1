/* lwt_xmit reading the packet through a pointer made stale by
 * bpf_lwt_push_encap. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_xmit") int x(struct __sk_buff *skb) {
  __u8 *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end;
  char hdr[20] = {};
  if (d + 1 > e) return BPF_DROP;
  bpf_lwt_push_encap(skb, BPF_LWT_ENCAP_IP, hdr, sizeof(hdr));
  return d[0];
}
