// A bitwise OR on a stack pointer. Rejected: bitwise operator |= on pointer prohibited.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = r10; r2 |= 1; r0 = 0; exit;" ::: "memory");
}
