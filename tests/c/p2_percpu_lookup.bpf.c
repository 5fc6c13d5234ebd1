// bpf_map_lookup_percpu_elem on a per-CPU array for CPU 0. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __u64); } pc SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) {
  __u32 k = 1;
  __u64 *v = bpf_map_lookup_percpu_elem(&pc, &k, 0);
  if (!v) return 0;
  return (*v + bpf_get_smp_processor_id()) & 1;
}
