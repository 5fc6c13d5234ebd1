// A 32-bit compare (w2 > 15) bounds only the low half of a register whose upper 32 bits come from
// skb->mark; the full register is added to a stack pointer. Rejected: math between fp pointer and
// register with unbounded min value is not allowed.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = *(u32 *)(r1 + 0); r3 = *(u32 *)(r1 + 8); r3 <<= 32; r2 |= r3;"
    "r0 = 0; *(u64 *)(r10 - 8) = r0; *(u64 *)(r10 - 16) = r0;"
    "if w2 > 15 goto l_out_%=; r4 = r10; r4 += -16; r4 += r2; r0 = *(u8 *)(r4 + 0);"
    "l_out_%=: exit;" ::: "memory");
}
