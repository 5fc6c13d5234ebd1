// tc: bpf_skb_load_bytes with a size taken from skb->len (0..U32_MAX) into a 16-byte buffer.
// Rejected: the size may be 0 for an ARG_CONST_SIZE argument (invalid zero-sized read).
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") int t(struct __sk_buff *skb) {
  __u8 b[16];
  if (bpf_skb_load_bytes(skb, 0, b, skb->len)) return 0;
  return b[0];
}
