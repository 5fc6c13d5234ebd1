/* A program updating its map of maps. Rejected: the program may only look
 * one up ("cannot pass map_type 13 into func bpf_map_update_elem#2"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct inner { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4); __type(key, __u32); __type(value, __u32); };
struct inner in0 SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH_OF_MAPS); __uint(max_entries, 2); __type(key, __u32); __array(values, struct inner); } outer SEC(".maps");
SEC("xdp") int x(struct xdp_md *ctx) {
  __u32 k = 0, fd = 0;
  bpf_map_update_elem(&outer, &k, &fd, 0);
  return XDP_PASS;
}
