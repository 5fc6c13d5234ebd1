/* cgroup/connect4 reading user_ip6[0]. Rejected: an IPv4 hook cannot
 * read the IPv6 address ("invalid bpf_context access off=8 size=4"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/connect4") int c(struct bpf_sock_addr *ctx) {
  return ctx->user_ip6[0] == 0;
}
