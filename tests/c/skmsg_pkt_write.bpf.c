/* sk_msg reads and writes message data directly once bounds are checked. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_msg") int skmsg_pkt_write(struct sk_msg_md *msg) {
  __u8 *p = msg->data;
  if (p + 4 > (__u8 *)msg->data_end)
    return 1;
  p[3] = p[0] + 1;
  return 1;
}
