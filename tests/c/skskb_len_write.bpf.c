/* sk_skb may not write __sk_buff.len: only priority and tc_index are writable. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_skb/stream_verdict") int skskb_len_write(struct __sk_buff *skb) {
  skb->len = 7;
  return 0;
}
