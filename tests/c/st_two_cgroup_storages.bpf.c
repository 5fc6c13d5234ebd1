/* Two cgroup storage maps of the same kind in one program. Rejected at
 * load: "only one cgroup storage of each type is allowed" (EBUSY). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_CGROUP_STORAGE); __type(key, struct bpf_cgroup_storage_key); __type(value, __u64); } a SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_CGROUP_STORAGE); __type(key, struct bpf_cgroup_storage_key); __type(value, __u64); } b SEC(".maps");
SEC("cgroup_skb/egress") int c(struct __sk_buff *skb) {
  __u64 *x = bpf_get_local_storage(&a, 0);
  __u64 *y = bpf_get_local_storage(&b, 0);
  *x += 1;
  *y += skb->len;
  return 1;
}
