/* lwt_out writing priority (allowed), then tc_index. Rejected: lwt
 * programs write mark, priority and cb only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_out") int o(struct __sk_buff *skb) {
  skb->priority = 3;
  skb->tc_index = 1;
  return BPF_OK;
}
