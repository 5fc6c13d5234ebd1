/* bpf_redirect is a tc/xdp helper: sk_skb_func_proto does not offer it. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_skb/stream_verdict") int skskb_redirect_helper(struct __sk_buff *skb) {
  return bpf_redirect(skb->ifindex, 0);
}
