/* cgroup/sysctl passing an uninitialised buffer for the name. Accepted:
 * the name buffer is ARG_PTR_TO_MEM, checked as read, and a privileged
 * loader may read uninitialised stack (allow_uninit_stack). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sysctl") int s(struct bpf_sysctl *ctx) {
  char name[16];
  bpf_sysctl_get_name(ctx, name, sizeof(name), 0);
  return name[0] == 'k';
}
