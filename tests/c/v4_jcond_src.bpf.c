// BPF_JMP | BPF_JCOND (0xe5) is 6.9's may_goto only when src_reg is
// BPF_MAY_GOTO (0): is_may_goto_insn(). Another src_reg is refused where
// the walk reaches it ("invalid may_goto off %d imm %d", as is a dst_reg,
// an imm or an off of 0), but check_cfg() does not make it a forced
// checkpoint, so no state is stored there (total_states). 6.1 knows no
// 0xe5 ("unknown opcode e5"). Written as raw bytes: clang-16 has no
// may_goto. Found by kernel-diff --random --encodings (seed 9316, 60).
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

/* if r6 (null) 0x0 goto pc+0: src_reg 1, dst_reg 6, off 0, first */
SEC("socket") __attribute__((naked)) int jcond_src1_first(void) {
  asm volatile(".8byte 0x00000000000016e5;"
               "r0 = 0;"
               "exit;" ::: "memory");
}

/* src_reg 1, off +1, after two jumps and eight instructions, where a
 * checkpoint would be added anyway */
SEC("socket") __attribute__((naked)) int jcond_src1_late(void) {
  asm volatile("r0 = 0; r1 = 1; r2 = 2;"
               "if r1 > r2 goto 1f;"
               "r3 = 3;"
               "1: if r2 > 5 goto 2f;"
               "r4 = 4; r5 = 5; r6 = 6; r7 = 7;"
               "2: .8byte 0x00000000000110e5;"
               "r0 = 1;"
               "exit;" ::: "memory");
}

/* may_goto +1 as the kernel means it: src_reg 0 (accepted by 6.12) */
SEC("socket") __attribute__((naked)) int jcond_may_goto(void) {
  asm volatile("r0 = 0;"
               ".8byte 0x00000000000100e5;"
               "r0 = 1;"
               "exit;" ::: "memory");
}
