// kprobe: bpf_get_func_ip, bpf_get_attach_cookie and bpf_ktime_get_ns. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("kprobe/do_nanosleep") int k(struct pt_regs *ctx) {
  return (bpf_get_func_ip(ctx) + bpf_get_attach_cookie(ctx) + bpf_ktime_get_ns()) & 1;
}
