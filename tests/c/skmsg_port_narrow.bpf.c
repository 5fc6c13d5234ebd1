/* sk_msg_md fields are read whole: a 2-byte read of remote_port is refused. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sk_msg") int skmsg_port_narrow(struct sk_msg_md *msg) {
  return *(volatile __u16 *)&msg->remote_port;
}
