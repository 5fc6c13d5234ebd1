/* raw_tp.w writing the buffer at a variable offset. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("raw_tp.w/bpf_test_finish") int w(struct bpf_raw_tracepoint_args *ctx) {
  char *buf = (char *)ctx->args[0];
  buf[ctx->args[1] & 7] = 1;
  return 0;
}
