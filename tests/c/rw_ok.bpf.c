/* raw_tp.w writing the first argument's buffer at constant offsets and
 * reading the second argument. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("raw_tp.w/bpf_test_finish") int w(struct bpf_raw_tracepoint_args *ctx) {
  int *buf = (int *)ctx->args[0];
  if (ctx->args[1] > 10) buf[1] = 7;
  return buf[0];
}
