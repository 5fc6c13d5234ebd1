/* flow_dissector copying the header with bpf_skb_load_bytes (its own
 * prototype) into the stack and into the flow keys. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("flow_dissector") int f(struct __sk_buff *skb) {
  struct bpf_flow_keys *k = skb->flow_keys;
  __u8 h[14];
  if (bpf_skb_load_bytes(skb, 0, h, sizeof(h))) return BPF_DROP;
  k->nhoff = h[12];
  return BPF_OK;
}
