/* skops->sk read after a NULL check. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_sk_checked(struct bpf_sock_ops *skops) {
  struct bpf_sock *sk = skops->sk;
  if (!sk)
    return 1;
  return sk->family == 2;
}
