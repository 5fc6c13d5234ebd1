// A u32 from skb->mark checked with signed 32-bit compares (w2 s< 0, w2 s> 15), then the
// 64-bit register indexes a 16-byte stack buffer. Accepted: the 32-bit bounds carry over to 64 bits.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = *(u32 *)(r1 + 8); r0 = 0; *(u64 *)(r10 - 8) = r0; *(u64 *)(r10 - 16) = r0; if w2 s< 0 goto l_o_%=; if w2 s> 15 goto l_o_%=; r4 = r10; r4 += -16; r4 += r2; r0 = *(u8 *)(r4 + 0); exit; l_o_%=: exit;" ::: "memory");
}
