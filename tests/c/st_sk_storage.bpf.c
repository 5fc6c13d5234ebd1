/* cgroup_skb/egress keeping a value per socket: bpf_sk_storage_get on the
 * packet's socket, NULL-checked. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_SK_STORAGE); __uint(map_flags, BPF_F_NO_PREALLOC); __type(key, int); __type(value, __u64); } sks SEC(".maps");
SEC("cgroup_skb/egress") int c(struct __sk_buff *skb) {
  struct bpf_sock *sk = skb->sk;
  if (!sk) return 1;
  sk = bpf_sk_fullsock(sk);
  if (!sk) return 1;
  __u64 *v = bpf_sk_storage_get(&sks, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
  if (v) *v += skb->len;
  return 1;
}
