/* bpf_bind in cgroup/sendmsg4. Rejected: only connect hooks have it
 * ("unknown func bpf_bind#64"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sendmsg4") int s(struct bpf_sock_addr *ctx) {
  struct sockaddr { __u16 family; char data[14]; } sa = { .family = 2 };
  return bpf_bind(ctx, (void *)&sa, sizeof(sa)) == 0;
}
