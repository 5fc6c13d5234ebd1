/* The u64 counters read whole only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_bytes_u32(struct bpf_sock_ops *skops) {
  return *(volatile __u32 *)&skops->bytes_received & 1;
}
