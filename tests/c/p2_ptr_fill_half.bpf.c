// A stack pointer spilled as 8 bytes and filled back with a 4-byte load.
// Rejected: invalid size of register fill.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = r10; *(u64 *)(r10 - 8) = r2; r0 = *(u32 *)(r10 - 8); r0 = 0; exit;" ::: "memory");
}
