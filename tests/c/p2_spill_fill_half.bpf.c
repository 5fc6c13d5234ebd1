// A scalar in 0..15 spilled as 8 bytes and filled back as 4 bytes, then used as a stack index.
// 6.1 forgets the bounds on a narrower fill: invalid unbounded variable-offset read from stack R4.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = *(u32 *)(r1 + 8); r2 &= 15; r0 = 0; *(u64 *)(r10 - 8) = r0; *(u64 *)(r10 - 16) = r0; *(u64 *)(r10 - 24) = r2; r2 = *(u32 *)(r10 - 24); r4 = r10; r4 += -16; r4 += r2; r0 = *(u8 *)(r4 + 0); exit;" ::: "memory");
}
