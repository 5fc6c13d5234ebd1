// JSET (if r2 & ~15 goto out) leaves r2 in 0..15 on the fall-through path, which then
// indexes a 16-byte stack buffer. Accepted: 6.1 narrows var_off on the false branch of JSET.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r2 = *(u32 *)(r1 + 8); r0 = 0; *(u64 *)(r10 - 8) = r0; *(u64 *)(r10 - 16) = r0;"
    ".byte 0x45, 0x02, 0x04, 0x00, 0xf0, 0xff, 0xff, 0xff;"
    "r4 = r10; r4 += -16; r4 += r2; r0 = *(u8 *)(r4 + 0);"
    "exit;" ::: "memory");
}
