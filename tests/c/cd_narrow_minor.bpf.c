/* cgroup/dev reading minor with a 2-byte load. Rejected: only
 * access_type may be read narrow. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/dev") int d(struct bpf_cgroup_dev_ctx *ctx) {
  return *(volatile unsigned short *)&ctx->minor == 3;
}
