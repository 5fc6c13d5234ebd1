// sock_ops: read op and remote_port, set callback flags, write reply. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int s(struct bpf_sock_ops *o) {
  if (o->op == BPF_SOCK_OPS_TCP_CONNECT_CB) bpf_sock_ops_cb_flags_set(o, BPF_SOCK_OPS_RTT_CB_FLAG);
  o->reply = o->remote_port;
  return 1;
}
