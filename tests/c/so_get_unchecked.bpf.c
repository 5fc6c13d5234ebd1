/* cgroup/getsockopt writing the option value without checking
 * optval_end. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/getsockopt") int g(struct bpf_sockopt *ctx) {
  __u8 *v = ctx->optval;
  v[0] = 1;
  return 1;
}
