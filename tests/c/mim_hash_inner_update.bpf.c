/* A hash of hashes: the inner map found by the outer key, then a value
 * updated in it through the inner map pointer. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct inner { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 64); __type(key, __u32); __type(value, __u64); };
struct inner in0 SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH_OF_MAPS); __uint(max_entries, 8); __type(key, __u32); __array(values, struct inner); } outer SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) {
  __u32 k = skb->ifindex, j = skb->mark;
  __u64 one = 1;
  void *m = bpf_map_lookup_elem(&outer, &k);
  if (!m) return 0;
  __u64 *v = bpf_map_lookup_elem(m, &j);
  if (v) { *v += 1; return 0; }
  bpf_map_update_elem(m, &j, &one, BPF_NOEXIST);
  return 0;
}
