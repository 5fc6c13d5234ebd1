// A 24-iteration loop that, on a random condition, adds (ktime & i) to a sum; the sum is masked at the end.
// Accepted; the processed count shows how well states are pruned.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") int t(struct __sk_buff *skb) {
  __u64 s = 0;
  for (int i = 0; i < 24; i++) { if (bpf_get_prandom_u32() & 1) s += bpf_ktime_get_ns() & i; }
  __u8 b[16] = {};
  return b[s & 15];
}
