// BPF_JMP32 | BPF_JA (0x06) is 6.12's gotol; 6.1 refuses it ("BPF_JA uses
// reserved fields", as any JA of class JMP32) and its disasm.c, which
// knows no gotol, prints it as a compare whose operator is "jmp":
// "(06) if w6 jmp 0x0 goto pc+0". Written as raw bytes (clang-16 has no
// gotol). Found by kernel-diff --random --encodings (seed 9321, 3239).
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

/* gotol with dst_reg 6 and src_reg 1: reserved fields on both kernels */
SEC("socket") __attribute__((naked)) int gotol_regs(void) {
  asm volatile("r0 = 0;"
               ".8byte 0x0000000000001606;"
               "exit;" ::: "memory");
}

/* gotol +1 as 6.12 means it: over r0 = 1 */
SEC("socket") __attribute__((naked)) int gotol_plus1(void) {
  asm volatile("r0 = 0;"
               ".8byte 0x0000000100000006;"
               "r0 = 1;"
               "exit;" ::: "memory");
}
