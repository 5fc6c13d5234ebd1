/* bpf_sk_storage_get given a hash map. Rejected ("cannot pass map_type 1
 * into func bpf_sk_storage_get#107"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4); __type(key, int); __type(value, __u64); } h SEC(".maps");
SEC("cgroup_skb/egress") int c(struct __sk_buff *skb) {
  struct bpf_sock *sk = skb->sk;
  if (!sk) return 1;
  sk = bpf_sk_fullsock(sk);
  if (!sk) return 1;
  __u64 *v = bpf_sk_storage_get(&h, sk, 0, 0);
  return v ? 1 : 0;
}
