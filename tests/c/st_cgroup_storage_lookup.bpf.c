/* bpf_map_lookup_elem on a cgroup storage map. Rejected: the map type
 * takes bpf_get_local_storage only ("cannot pass map_type 19 into func
 * bpf_map_lookup_elem#1"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_CGROUP_STORAGE); __type(key, struct bpf_cgroup_storage_key); __type(value, __u64); } cs SEC(".maps");
SEC("cgroup_skb/egress") int c(struct __sk_buff *skb) {
  struct bpf_cgroup_storage_key k = {};
  __u64 *v = bpf_map_lookup_elem(&cs, &k);
  return v ? 1 : 0;
}
