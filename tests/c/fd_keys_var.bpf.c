/* flow_dissector moving the flow keys pointer by a variable. Rejected:
 * constants only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("flow_dissector") int f(struct __sk_buff *skb) {
  __u8 *k = (void *)skb->flow_keys;
  __u8 *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end;
  if (d + 1 > e) return BPF_DROP;
  k += d[0] & 7;
  *k = 1;
  return BPF_OK;
}
