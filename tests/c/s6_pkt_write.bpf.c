/* lwt_seg6local writing the packet directly. Rejected: read only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_seg6local") int s(struct __sk_buff *skb) {
  __u8 *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end;
  if (d + 1 > e) return BPF_DROP;
  d[0] = 0;
  return BPF_OK;
}
