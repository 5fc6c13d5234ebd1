/* cgroup/connect4 writing user_family. Rejected: the family is read only
 * ("invalid bpf_context access off=0 size=4"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/connect4") int c(struct bpf_sock_addr *ctx) {
  ctx->user_family = 2;
  return 1;
}
