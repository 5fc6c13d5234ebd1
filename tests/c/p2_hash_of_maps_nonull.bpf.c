// A hash of maps whose outer lookup result is used as a map without a NULL check.
// Rejected: R1 type=map_value_or_null expected=map_ptr.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct inner { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); };
struct inner in0 SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH_OF_MAPS); __uint(max_entries, 2); __type(key, __u32); __array(values, struct inner); } outer SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) {
  __u32 k = skb->mark, j = 1;
  void *m = bpf_map_lookup_elem(&outer, &k);
  __u64 *v = bpf_map_lookup_elem(m, &j);
  if (!v) return 0;
  return *v & 1;
}
