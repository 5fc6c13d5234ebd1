// A 64-bit division by the immediate 0. Rejected: div by zero.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r0 = 1; r0 /= 0; exit;" ::: "memory");
}
