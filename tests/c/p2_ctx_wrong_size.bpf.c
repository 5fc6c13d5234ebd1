// An 8-byte load of the 4-byte __sk_buff field len.
// Rejected: invalid bpf_context access off=0 size=8.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r0 = *(u64 *)(r1 + 0); r0 &= 1; exit;" ::: "memory");
}
