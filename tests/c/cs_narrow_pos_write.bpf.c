/* cgroup/sysctl writing 2 bytes of file_pos. Rejected: file_pos is
 * written whole. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sysctl") int s(struct bpf_sysctl *ctx) {
  *(volatile unsigned short *)&ctx->file_pos = 0;
  return 1;
}
