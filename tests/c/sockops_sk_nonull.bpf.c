/* skops->sk may be NULL: reading through it unchecked is refused. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_sk_nonull(struct bpf_sock_ops *skops) {
  struct bpf_sock *sk = skops->sk;
  return sk->family == 2;
}
