/* lwt_seg6local: store bytes into the SRH, adjust it, take an action
 * with a parameter on the stack. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_seg6local") int s(struct __sk_buff *skb) {
  __u32 tbl = 7;
  char tag[2] = {1, 2};
  bpf_lwt_seg6_store_bytes(skb, 6, tag, sizeof(tag));
  bpf_lwt_seg6_adjust_srh(skb, 8, 0);
  return bpf_lwt_seg6_action(skb, 3 /* SEG6_LOCAL_ACTION_END_T */, &tbl, sizeof(tbl)) ? BPF_DROP : BPF_REDIRECT;
}
