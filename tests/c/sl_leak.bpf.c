/* sk_lookup: the sockmap's socket never released. Rejected (a leak). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct {
  __uint(type, BPF_MAP_TYPE_SOCKMAP);
  __uint(max_entries, 2);
  __type(key, __u32);
  __type(value, __u64);
} socks SEC(".maps");
SEC("sk_lookup") int l(struct bpf_sk_lookup *ctx) {
  __u32 k = 0;
  struct bpf_sock *sk = bpf_map_lookup_elem(&socks, &k);
  if (!sk) return SK_DROP;
  bpf_sk_assign(ctx, sk, 0);
  return SK_PASS;
}
