// A 64-bit left shift by the immediate 64. Rejected: invalid shift 64.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r0 = 1; r0 <<= 64; exit;" ::: "memory");
}
