/* cgroup/connect4 returning 2. Rejected: connect hooks return 0 or 1
 * ("At program exit the register R0 has value ... should have been in (0x0; 0x1)"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/connect4") int c(struct bpf_sock_addr *ctx) {
  if (ctx->protocol == 17) return 2;
  return 1;
}
