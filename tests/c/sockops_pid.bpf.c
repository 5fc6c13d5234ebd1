/* bpf_get_current_pid_tgid: not a 6.1 sockops helper. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_pid(struct bpf_sock_ops *skops) {
  return bpf_get_current_pid_tgid() & 1;
}
