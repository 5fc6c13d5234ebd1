/* __sk_buff.tstamp is invisible to sk_skb programs. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_skb/stream_verdict") int skskb_tstamp(struct __sk_buff *skb) {
  return skb->tstamp & 1;
}
