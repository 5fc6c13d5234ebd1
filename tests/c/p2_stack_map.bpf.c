// A BPF_MAP_TYPE_STACK: push two values, pop one, peek the other. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_STACK); __uint(max_entries, 8); __uint(value_size, 4); } st SEC(".maps");
SEC("tc") int t(struct __sk_buff *skb) {
  __u32 a = skb->len, b = skb->mark, o = 0;
  bpf_map_push_elem(&st, &a, 0);
  bpf_map_push_elem(&st, &b, BPF_EXIST);
  if (bpf_map_pop_elem(&st, &o)) return 0;
  bpf_map_peek_elem(&st, &o);
  return o & 1;
}
