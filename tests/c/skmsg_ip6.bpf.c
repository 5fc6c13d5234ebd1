/* The IPv6 address words of sk_msg_md read as u32 each. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_msg") int skmsg_ip6(struct sk_msg_md *msg) {
  return (msg->remote_ip6[3] ^ msg->local_ip6[0] ^ msg->local_port) & 1;
}
