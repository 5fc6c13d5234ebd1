/* op is read only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_op_write(struct bpf_sock_ops *skops) {
  skops->op = 1;
  return 1;
}
