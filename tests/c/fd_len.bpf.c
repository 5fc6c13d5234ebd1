/* flow_dissector reading skb->len. Rejected: only data, data_end and
 * flow_keys. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("flow_dissector") int f(struct __sk_buff *skb) {
  return skb->len > 100 ? BPF_DROP : BPF_OK;
}
