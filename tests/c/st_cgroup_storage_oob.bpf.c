/* Past the end of a cgroup storage value. Rejected ("invalid access to
 * map value, value_size=8 off=8 size=8"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_CGROUP_STORAGE); __type(key, struct bpf_cgroup_storage_key); __type(value, __u64); } cs SEC(".maps");
SEC("cgroup_skb/egress") int c(struct __sk_buff *skb) {
  __u64 *v = bpf_get_local_storage(&cs, 0);
  return v[1] & 1;
}
