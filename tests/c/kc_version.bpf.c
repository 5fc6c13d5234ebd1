/* LINUX_KERNEL_VERSION (.kconfig): an invalid stack read only on kernels
 * from 6.2 on. libbpf fills it from uname (Debian: 6.1.0, 6.12.95) and
 * freezes the map, so the branch is dead on 6.1: 6.1 accepts, 6.12
 * rejects. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern unsigned int LINUX_KERNEL_VERSION __kconfig;
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  if (LINUX_KERNEL_VERSION >= KERNEL_VERSION(6, 2, 0))
    asm volatile("r0 = *(u64 *)(r10 + 8)" ::: "r0");
  return 0;
}
