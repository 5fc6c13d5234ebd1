/* raw_tp (not writable) dereferencing args[0]. Rejected: a scalar. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("raw_tp/bpf_test_finish") int w(struct bpf_raw_tracepoint_args *ctx) {
  int *buf = (int *)ctx->args[0];
  return buf[0];
}
