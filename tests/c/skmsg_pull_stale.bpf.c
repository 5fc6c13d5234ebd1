/* bpf_msg_pull_data moves the data: a pointer checked before is dead after. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_msg") int skmsg_pull_stale(struct sk_msg_md *msg) {
  __u8 *p = msg->data;
  if (p + 4 > (__u8 *)msg->data_end)
    return 1;
  bpf_msg_pull_data(msg, 0, 8, 0);
  return *(volatile __u8 *)p;
}
