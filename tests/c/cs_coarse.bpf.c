/* cgroup/sysctl with the coarse clock and bpf_get_retval; a device-only
 * helper (none) is not needed. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sysctl") int s(struct bpf_sysctl *ctx) {
  __u64 t = bpf_ktime_get_coarse_ns();
  return t > 0 && bpf_get_retval() == 0;
}
