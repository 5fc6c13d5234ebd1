/* sk_lookup: a socket from a sockmap, assigned, then released; the
 * context read narrow too. Accepted. */
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
  struct bpf_sock *sk;
  long err;
  if (ctx->protocol != 6 || *(volatile __u8 *)&ctx->local_ip4 != 127 || ctx->local_port != 7007)
    return SK_PASS;
  sk = bpf_map_lookup_elem(&socks, &k);
  if (!sk) return SK_DROP;
  err = bpf_sk_assign(ctx, sk, 0);
  bpf_sk_release(sk);
  return err ? SK_DROP : SK_PASS;
}
