// An 8-byte store at fp-12 (not 8-aligned). Stack accesses are always checked for alignment.
// Rejected: misaligned stack access off (0x0; 0x0)+0+-12 size 8.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = 1; *(u64 *)(r10 - 12) = r2; r0 = 0; exit;" ::: "memory");
}
