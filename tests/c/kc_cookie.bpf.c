/* usdt.bpf.h's LINUX_HAS_BPF_COOKIE and LINUX_HAS_SYSCALL_WRAPPER, with a
 * 4-byte and an 8-byte extern to lay out. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern const _Bool LINUX_HAS_BPF_COOKIE __kconfig;
extern const _Bool LINUX_HAS_SYSCALL_WRAPPER __kconfig __weak;
extern unsigned long long LINUX_KERNEL_VERSION __kconfig;
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  if (LINUX_HAS_BPF_COOKIE && LINUX_HAS_SYSCALL_WRAPPER)
    return bpf_get_attach_cookie(ctx) + (LINUX_KERNEL_VERSION >> 16);
  return 0;
}
