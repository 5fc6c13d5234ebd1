/* raw_tp.w reading before the buffer. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("raw_tp.w/bpf_test_finish") int w(struct bpf_raw_tracepoint_args *ctx) {
  int *buf = (int *)ctx->args[0];
  return buf[-1];
}
