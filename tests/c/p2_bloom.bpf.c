// A bloom filter map: push (add) a value and peek (test) another. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_BLOOM_FILTER); __uint(max_entries, 64); __uint(value_size, 8); __uint(map_extra, 3); } bf SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) {
  __u64 a = skb->len, b = skb->mark;
  bpf_map_push_elem(&bf, &a, 0);
  return bpf_map_peek_elem(&bf, &b) == 0;
}
