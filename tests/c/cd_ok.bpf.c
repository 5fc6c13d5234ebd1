/* cgroup/dev reading every field, access_type narrow too; allows reads
 * of character devices. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/dev") int d(struct bpf_cgroup_dev_ctx *ctx) {
  unsigned short t = *(volatile unsigned short *)&ctx->access_type;
  if ((t & BPF_DEVCG_DEV_CHAR) && ctx->major == 1 && ctx->minor < 10)
    return 1;
  return 0;
}
