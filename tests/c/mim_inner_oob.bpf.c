/* An array of maps whose inner value is read past its end. Rejected
 * ("invalid access to map value, value_size=8 off=8 size=8"): the inner
 * map pointer carries the inner template's sizes. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct inner { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); };
struct inner in0 SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS); __uint(max_entries, 2); __type(key, __u32); __array(values, struct inner); } outer SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) {
  __u32 k = 1, j = 0;
  void *m = bpf_map_lookup_elem(&outer, &k);
  if (!m) return 0;
  __u64 *v = bpf_map_lookup_elem(m, &j);
  if (!v) return 0;
  return v[1] & 1;
}
