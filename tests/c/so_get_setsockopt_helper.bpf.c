/* cgroup/getsockopt calling bpf_setsockopt. Rejected: setsockopt hooks
 * only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/getsockopt") int g(struct bpf_sockopt *ctx) {
  int one = 1;
  bpf_setsockopt(ctx->sk, 1, 9, &one, sizeof(one));
  return 1;
}
