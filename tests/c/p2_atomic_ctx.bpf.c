// An atomic add into skb->mark through the ctx pointer.
// Rejected: BPF_ATOMIC stores into R1 ctx is not allowed.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = 1; lock *(u32 *)(r1 + 8) += w2; r0 = 0; exit;" ::: "memory");
}
