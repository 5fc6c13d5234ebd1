/* raw_tp.w writing args[0] itself. Rejected: the context is read only. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("raw_tp.w/bpf_test_finish") int w(struct bpf_raw_tracepoint_args *ctx) {
  ctx->args[0] = 0;
  return 0;
}
