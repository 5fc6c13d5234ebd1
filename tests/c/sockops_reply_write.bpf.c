/* sockops may write reply and sk_txhash. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_reply_write(struct bpf_sock_ops *skops) {
  skops->reply = 1;
  skops->sk_txhash = 7;
  return 1;
}
