/* lwt_out calling bpf_lwt_push_encap. Rejected: lwt_in and lwt_xmit
 * only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("lwt_out") int o(struct __sk_buff *skb) {
  char hdr[20] = {};
  return bpf_lwt_push_encap(skb, BPF_LWT_ENCAP_IP, hdr, sizeof(hdr));
}
