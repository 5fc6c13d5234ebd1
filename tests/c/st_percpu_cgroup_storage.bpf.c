/* cgroup_skb/ingress counting bytes in a per-CPU cgroup storage, its value
 * a struct. Accepted: bpf_get_local_storage never returns NULL. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct counters { __u64 packets; __u64 bytes; };
struct { __uint(type, BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE); __type(key, struct bpf_cgroup_storage_key); __type(value, struct counters); } pcs SEC(".maps");
SEC("cgroup_skb/ingress") int c(struct __sk_buff *skb) {
  struct counters *v = bpf_get_local_storage(&pcs, 0);
  v->packets++;
  v->bytes += skb->len;
  return 1;
}
