// Stores a map value pointer into a map value (a pointer leak).
// Accepted for a privileged loader in 6.1: allow_ptr_leaks lets the address be stored.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __u64); } m SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) {
  __u32 k = 0;
  __u64 *v = bpf_map_lookup_elem(&m, &k);
  if (!v) return 0;
  *v = (__u64)(long)v;
  return 0;
}
