// Linux 6.15's load-acquire and store-release (BPF_STX | BPF_ATOMIC with
// imm BPF_LOAD_ACQ 0x100 or BPF_STORE_REL 0x110), written as raw bytes as
// the kernel's selftests write them (clang-16 has no syntax for them).
// Neither 6.1 nor 6.12 knows them: the 32- and 64-bit ones fail in
// check_atomic() with "BPF_ATOMIC uses invalid atomic opcode 100" (110);
// the 8- and 16-bit ones earlier, in do_check()'s class switch, as
// "unknown opcode d3" (cb): BPF_ATOMIC is only taken for words and double
// words. veristep's text says them as `w2 = load_acquire((u8 *)(r10 - 1))`
// and `store_release((u32 *)(r10 - 4), w1)`.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

/* w2 = load_acquire((u8 *)(r10 - 1)) */
SEC("socket") __attribute__((naked)) int acquire8(void) {
  asm volatile("r0 = 0; w1 = 0xfe; *(u8 *)(r10 - 1) = w1;"
               ".8byte 0x00000100ffffa2d3;"
               "exit;" ::: "memory");
}

/* w2 = load_acquire((u16 *)(r10 - 2)) */
SEC("socket") __attribute__((naked)) int acquire16(void) {
  asm volatile("r0 = 0; w1 = 0xfe; *(u16 *)(r10 - 2) = w1;"
               ".8byte 0x00000100fffea2cb;"
               "exit;" ::: "memory");
}

/* w2 = load_acquire((u32 *)(r10 - 4)) */
SEC("socket") __attribute__((naked)) int acquire32(void) {
  asm volatile("r0 = 0; w1 = 0xfe; *(u32 *)(r10 - 4) = w1;"
               ".8byte 0x00000100fffca2c3;"
               "exit;" ::: "memory");
}

/* r2 = load_acquire((u64 *)(r10 - 8)) */
SEC("socket") __attribute__((naked)) int acquire64(void) {
  asm volatile("r0 = 0; r1 = 0; *(u64 *)(r10 - 8) = r1;"
               ".8byte 0x00000100fff8a2db;"
               "exit;" ::: "memory");
}

/* r2 = load_acquire((u64 *)(r10 - 8)) of a slot never written: the
 * opcode is refused before the read would be */
SEC("socket") __attribute__((naked)) int acquire64_uninit(void) {
  asm volatile("r0 = 0;"
               ".8byte 0x00000100fff8a2db;"
               "exit;" ::: "memory");
}

/* store_release((u8 *)(r10 - 1), w1) */
SEC("socket") __attribute__((naked)) int release8(void) {
  asm volatile("r0 = 0; w1 = 1;"
               ".8byte 0x00000110ffff1ad3;"
               "exit;" ::: "memory");
}

/* store_release((u32 *)(r10 - 4), w1) */
SEC("socket") __attribute__((naked)) int release32(void) {
  asm volatile("r0 = 0; w1 = 1;"
               ".8byte 0x00000110fffc1ac3;"
               "exit;" ::: "memory");
}

/* store_release((u64 *)(r10 - 8), r1) */
SEC("socket") __attribute__((naked)) int release64(void) {
  asm volatile("r0 = 0; r1 = 1;"
               ".8byte 0x00000110fff81adb;"
               "exit;" ::: "memory");
}

/* store_release((u64 *)(r1 + 0), r2) into the context */
SEC("tc") __attribute__((naked)) int release64_ctx(void) {
  asm volatile("r0 = 0; r2 = 1;"
               ".8byte 0x00000110000021db;"
               "exit;" ::: "memory");
}
