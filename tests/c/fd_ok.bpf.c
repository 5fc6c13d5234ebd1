/* flow_dissector: the Ethernet header read after a bounds check, the
 * flow keys written (nhoff, n_proto, ip_proto), thoff read. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("flow_dissector") int f(struct __sk_buff *skb) {
  struct bpf_flow_keys *k = skb->flow_keys;
  __u8 *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end;
  if (d + 14 > e) return BPF_DROP;
  k->n_proto = *(__u16 *)(d + 12);
  k->nhoff = 14;
  k->ip_proto = 6;
  return k->thoff > 100 ? BPF_DROP : BPF_OK;
}
