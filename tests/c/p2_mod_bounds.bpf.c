// skb->mark % 16 (a real BPF_MOD, written in asm) used as a 16-byte stack index. 6.1 has no bounds
// rule for BPF_MOD. Rejected: math between fp pointer and register with unbounded min value.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = *(u32 *)(r1 + 8); r2 %%= 16; r0 = 0; *(u64 *)(r10 - 8) = r0; *(u64 *)(r10 - 16) = r0; r4 = r10; r4 += -16; r4 += r2; r0 = *(u8 *)(r4 + 0); exit;" ::: "memory");
}
