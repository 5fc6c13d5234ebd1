/* cgroup/connect6: a looked-up socket not released. Rejected
 * ("Unreleased reference id=2 alloc_insn=..."). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/connect6") int c(struct bpf_sock_addr *ctx) {
  struct bpf_sock_tuple t = {};
  struct bpf_sock *other = bpf_sk_lookup_udp(ctx, &t, sizeof(t.ipv6), -1, 0);
  return other ? 1 : 0;
}
