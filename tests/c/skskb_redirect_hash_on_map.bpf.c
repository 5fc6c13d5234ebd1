/* bpf_sk_redirect_hash takes a sockhash; a sockmap is refused (check_map_func_compatibility). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_SOCKMAP); __uint(max_entries, 2); __type(key, __u32); __type(value, __u32); } sm SEC(".maps");
SEC("sk_skb/stream_verdict") int skskb_redirect_hash_on_map(struct __sk_buff *skb) {
  __u32 key = skb->len & 1;
  return bpf_sk_redirect_hash(skb, &sm, &key, 0);
}
