// tc: a packet pointer checked before bpf_clone_redirect is used after it.
// Rejected: the helper may change packet data, so the old pointer becomes a scalar.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") int t(struct __sk_buff *skb) {
  void *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end;
  if (d + 14 > e) return 0;
  bpf_clone_redirect(skb, 1, 0);
  return *(volatile __u8 *)d;
}
