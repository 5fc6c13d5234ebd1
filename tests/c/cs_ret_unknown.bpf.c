/* cgroup/sysctl returning what bpf_sysctl_get_name returned. Rejected:
 * sysctl hooks return 0 or 1. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sysctl") int s(struct bpf_sysctl *ctx) {
  char name[8] = {};
  return bpf_sysctl_get_name(ctx, name, sizeof(name), 1);
}
