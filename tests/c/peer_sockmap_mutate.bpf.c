// Which program types may update or delete sockmap/sockhash entries with
// the generic map helpers (may_update_sockmap()): socket filters, tc, xdp,
// sk_reuseport, flow_dissector, sk_lookup and iterators may; sock_ops may
// only delete (updates go through bpf_sock_map_update); the rest log
// "cannot update sockmap in this context". sock_ops' and kprobe's updates
// are refused, the others accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_SOCKMAP); __uint(max_entries, 1); __type(key, int); __type(value, int); } sm SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_SOCKHASH); __uint(max_entries, 1); __type(key, int); __type(value, int); } sh SEC(".maps");
static int zero;
SEC("sk_lookup") int lookup_delete(struct bpf_sk_lookup *ctx) {
  bpf_map_delete_elem(&sm, &zero);
  return SK_PASS;
}
SEC("sk_reuseport") int reuseport_delete(struct sk_reuseport_md *ctx) {
  bpf_map_delete_elem(&sh, &zero);
  return SK_PASS;
}
SEC("flow_dissector") int dissector_delete(struct __sk_buff *skb) {
  bpf_map_delete_elem(&sm, &zero);
  return BPF_OK;
}
SEC("sockops") int sockops_delete(struct bpf_sock_ops *ctx) {
  bpf_map_delete_elem(&sh, &zero);
  return 1;
}
SEC("sockops") int sockops_update(struct bpf_sock_ops *ctx) {
  struct bpf_sock *sk = ctx->sk;
  if (sk)
    bpf_map_update_elem(&sm, &zero, sk, BPF_ANY);
  return 1;
}
SEC("kprobe/do_nanosleep") int kprobe_delete(void *ctx) {
  bpf_map_delete_elem(&sm, &zero);
  return 0;
}
