/* cgroup/dev calling the current task's uid, the syscall's return value
 * (get_retval: allowed with BPF_CGROUP_DEVICE) and ktime. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/dev") int d(struct bpf_cgroup_dev_ctx *ctx) {
  __u64 ug = bpf_get_current_uid_gid();
  int rv = bpf_get_retval();
  __u64 t = bpf_ktime_get_ns();
  return (ug == 0 && rv == 0 && t > 0) ? 1 : 0;
}
