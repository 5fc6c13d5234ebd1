// perf_event program: read sample_period (ctx offset 168) and bpf_perf_prog_read_value. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("perf_event") int p(void *ctx) {
  struct bpf_perf_event_value v = {};
  bpf_perf_prog_read_value(ctx, &v, sizeof(v));
  return (*(volatile __u64 *)(ctx + 168) + v.counter) & 1;
}
