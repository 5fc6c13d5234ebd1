/* sk_skb may look up a TCP socket and must release it. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_skb/stream_verdict") int skskb_lookup_release(struct __sk_buff *skb) {
  struct bpf_sock_tuple t = {};
  struct bpf_sock *sk = bpf_sk_lookup_tcp(skb, &t, sizeof(t.ipv4), -1, 0);
  if (sk)
    bpf_sk_release(sk);
  return 1;
}
