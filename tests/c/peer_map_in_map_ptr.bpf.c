// An inner map found in a map of maps is a CONST_PTR_TO_MAP: its struct
// (struct bpf_array) may be read through it (max_entries), never written:
// "only read from bpf_array is supported". read_inner is accepted,
// write_inner rejected.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct inner { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, int); __type(value, int); } in0 SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH_OF_MAPS); __uint(max_entries, 2); __type(key, int); __array(values, struct inner); } outer SEC(".maps") = { .values = { [0] = &in0 } };
SEC("tc") int read_inner(struct __sk_buff *skb) {
  int k = 0;
  struct bpf_map_def *m = bpf_map_lookup_elem(&outer, &k);
  if (!m) return 0;
  return *(volatile unsigned int *)((char *)m + 36);
}
SEC("tc") int write_inner(struct __sk_buff *skb) {
  int k = 0;
  unsigned long *m = bpf_map_lookup_elem(&outer, &k);
  if (!m) return 0;
  *(volatile unsigned long *)m = 4;
  return 0;
}
