/* A CONFIG_* extern whose value differs between the kernels: Debian's 6.1
 * has no CONFIG_X86_KERNEL_IBT (a __weak extern then reads 0), 6.12 has it
 * (y). The invalid stack read is reached on 6.12 only: 6.1 accepts, 6.12
 * rejects. */
#include <stdbool.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern bool CONFIG_X86_KERNEL_IBT __kconfig __weak;
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  if (CONFIG_X86_KERNEL_IBT)
    asm volatile("r0 = *(u64 *)(r10 + 8)" ::: "r0");
  return 0;
}
