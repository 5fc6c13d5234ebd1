// Sign-extend the low byte of skb->mark with <<56 then s>>56 (range -128..127), add 128 and index
// a 256-byte stack buffer. Accepted: 6.1 tracks signed bounds through arithmetic right shifts.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = *(u32 *)(r1 + 8); r2 <<= 56; r2 s>>= 56; r2 += 128; r3 = 0; r4 = r10; r4 += -256;"
    "*(u64 *)(r10 - 256) = r3; *(u64 *)(r10 - 8) = r3;"
    "r4 += r2; r0 = *(u8 *)(r4 + 0); exit;" ::: "memory");
}
