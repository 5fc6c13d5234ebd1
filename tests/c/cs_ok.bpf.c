/* cgroup/sysctl: the name, the current and new values, strtoul, a new
 * value set on writes; file_pos read and written. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("cgroup/sysctl") int s(struct bpf_sysctl *ctx) {
  char name[32] = {};
  char val[16];
  unsigned long n = 0;
  if (bpf_sysctl_get_name(ctx, name, sizeof(name), 0) < 0) return 0;
  if (bpf_sysctl_get_current_value(ctx, val, sizeof(val)) < 0) return 0;
  if (bpf_strtoul(val, sizeof(val), 0, &n) < 0) return 0;
  if (ctx->write) {
    char nv[4] = "600";
    if (bpf_sysctl_get_new_value(ctx, val, sizeof(val)) < 0) return 0;
    bpf_sysctl_set_new_value(ctx, nv, sizeof(nv));
  }
  ctx->file_pos = 0;
  return n < 1000;
}
