/* lwt_out reading tc_classid. Rejected: not an lwt field. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_out") int o(struct __sk_buff *skb) {
  return skb->tc_classid == 1 ? BPF_DROP : BPF_OK;
}
