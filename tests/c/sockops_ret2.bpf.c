/* sockops programs return 0 or 1 (check_return_code). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_ret2(struct bpf_sock_ops *skops) {
  return 2;
}
