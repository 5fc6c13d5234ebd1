// bpf_csum_diff with a NULL 'from' buffer of size 0 and a 'to' buffer on the stack.
// Accepted: arg1 is a nullable memory pointer with a size that may be zero.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") int t(struct __sk_buff *skb) {
  __u32 to[2] = { skb->len, skb->mark };
  __s64 s = bpf_csum_diff(0, 0, to, sizeof(to), 0);
  return s & 1;
}
