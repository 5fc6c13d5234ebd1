// sk_skb stream verdict redirecting through a sockmap, with the key taken from skb->mark.
// Rejected: sk_skb programs may not read __sk_buff.mark (invalid bpf_context access off=8 size=4).
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_SOCKMAP); __uint(max_entries, 2); __type(key, __u32); __type(value, __u32); } sm SEC(".maps");
SEC("sk_skb/stream_verdict") int v(struct __sk_buff *skb) { return bpf_sk_redirect_map(skb, &sm, skb->mark & 1, 0); }
