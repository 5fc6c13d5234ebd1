// tc: skb->sk, bpf_get_listener_sock and bpf_get_socket_cookie. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") int t(struct __sk_buff *skb) {
  __u64 c = bpf_get_socket_cookie(skb);
  struct bpf_sock *sk = skb->sk;
  if (!sk) return c & 1;
  sk = bpf_get_listener_sock(sk);
  if (!sk) return 0;
  return (sk->src_port + c) & 1;
}
