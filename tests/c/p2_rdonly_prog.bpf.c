// A map created with BPF_F_RDONLY_PROG: the program stores into a looked-up value.
// Rejected: write into map forbidden.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __uint(map_flags, BPF_F_RDONLY_PROG); __type(key, __u32); __type(value, __u64); } m SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) {
  __u32 k = 0;
  __u64 *v = bpf_map_lookup_elem(&m, &k);
  if (!v) return 0;
  *v = skb->len;
  return 0;
}
