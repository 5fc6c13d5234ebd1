/* flow_dissector writing past struct bpf_flow_keys. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("flow_dissector") int f(struct __sk_buff *skb) {
  struct bpf_flow_keys *k = skb->flow_keys;
  ((__u32 *)k)[14] = 1;
  return BPF_OK;
}
