/* cgroup/dev calling bpf_get_socket_cookie. Rejected: not a helper of
 * device hooks ("unknown func"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/dev") int d(struct bpf_cgroup_dev_ctx *ctx) {
  return bpf_get_socket_cookie(ctx) == 1;
}
