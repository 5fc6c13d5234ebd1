// An array of maps: look up the inner map, NULL-check it, look up and bump a value in it.
// Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct inner { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); };
struct inner in0 SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS); __uint(max_entries, 2); __type(key, __u32); __array(values, struct inner); } outer SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) {
  __u32 k = 0, j = skb->mark & 3;
  void *m = bpf_map_lookup_elem(&outer, &k);
  if (!m) return 0;
  __u64 *v = bpf_map_lookup_elem(m, &j);
  if (!v) return 0;
  __sync_fetch_and_add(v, 1);
  return 0;
}
