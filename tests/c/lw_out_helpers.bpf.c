/* lwt_out with skb_load_bytes into the stack, the route realm and the
 * recalculated hash. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_out") int o(struct __sk_buff *skb) {
  __u32 w;
  if (bpf_skb_load_bytes(skb, 0, &w, 4)) return BPF_DROP;
  return (bpf_get_route_realm(skb) + bpf_get_hash_recalc(skb) + w) & 1;
}
