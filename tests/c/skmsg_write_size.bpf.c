/* sk_msg_md is read-only: writing size is an invalid context access. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_msg") int skmsg_write_size(struct sk_msg_md *msg) {
  msg->size = 1;
  return 1;
}
