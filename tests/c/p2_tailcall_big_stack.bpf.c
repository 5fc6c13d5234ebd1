// main keeps a 320-byte stack buffer live across a call to a subprogram that tail-calls.
// Rejected: tail calls are not allowed when the previous frames use 256 bytes or more.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_PROG_ARRAY); __uint(max_entries, 2); __uint(key_size, 4); __uint(value_size, 4); } pa SEC(".maps");
static __noinline int tc_sub(struct __sk_buff *skb) { bpf_tail_call(skb, &pa, 0); return skb->len; }
SEC("tc") int t(struct __sk_buff *skb) {
  volatile __u8 buf[320];
  buf[0] = 1; buf[319] = 2;
  int r = tc_sub(skb);
  return (buf[r & 255] + buf[319]) & 1;
}
