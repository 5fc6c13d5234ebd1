/* msg->sk is a socket, never NULL in an sk_msg program. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_msg") int skmsg_sk_family(struct sk_msg_md *msg) {
  struct bpf_sock *sk = msg->sk;
  return sk->family == 2;
}
