/* bpf_skb_load_bytes is not an sk_msg helper. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_msg") int skmsg_skb_helper(struct sk_msg_md *msg) {
  char b[4];
  return bpf_skb_load_bytes(msg, 0, b, 4);
}
