/* lwt_seg6local calling bpf_skb_pull_data. Rejected by 6.1 (the one lwt
 * helper it does not have); 6.12.95 offers it and accepts.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_seg6local") int s(struct __sk_buff *skb) {
  return bpf_skb_pull_data(skb, 10) ? BPF_DROP : BPF_OK;
}
