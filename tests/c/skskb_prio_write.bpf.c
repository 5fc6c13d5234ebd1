/* sk_skb may write __sk_buff.priority and tc_index (sk_skb_is_valid_access). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_skb/stream_verdict") int skskb_prio_write(struct __sk_buff *skb) {
  skb->priority = 7;
  skb->tc_index = 7;
  return 0;
}
