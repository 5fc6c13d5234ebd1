// cgroup_skb with a cgroup storage map: bpf_get_local_storage, then an atomic add.
// Accepted: the helper returns a non-NULL map value pointer.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_CGROUP_STORAGE); __type(key, struct bpf_cgroup_storage_key); __type(value, __u64); } cs SEC(".maps");
SEC("cgroup_skb/egress") int c(struct __sk_buff *skb) {
  __u64 *v = bpf_get_local_storage(&cs, 0);
  __sync_fetch_and_add(v, skb->len);
  return 1;
}
