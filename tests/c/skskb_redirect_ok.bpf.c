/* A stream verdict redirecting through a sockmap, keyed by the length's low bit. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_SOCKMAP); __uint(max_entries, 2); __type(key, __u32); __type(value, __u32); } sm SEC(".maps");
SEC("sk_skb/stream_verdict") int skskb_redirect_ok(struct __sk_buff *skb) {
  return bpf_sk_redirect_map(skb, &sm, skb->len & 1, 0);
}
