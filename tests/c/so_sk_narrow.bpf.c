/* cgroup/setsockopt reading half of the sk pointer. Rejected: pointers
 * are read whole. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/setsockopt") int s(struct bpf_sockopt *ctx) {
  return *(volatile __u32 *)&ctx->sk != 0;
}
