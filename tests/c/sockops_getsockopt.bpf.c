/* getsockopt into the stack, then set the callback flags. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("sockops") int sockops_getsockopt(struct bpf_sock_ops *skops) {
  int v;
  if (bpf_getsockopt(skops, 6, 2, &v, sizeof(v)))
    return 1;
  bpf_sock_ops_cb_flags_set(skops, BPF_SOCK_OPS_STATE_CB_FLAG);
  return v > 1000;
}
