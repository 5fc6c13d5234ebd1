; one BPF_ST reached with a stack pointer on one path and the context on
; the other: 6.12 refuses the instruction ("same insn cannot be used with
; different pointers"), 6.1 refuses the store into ctx
.prog_type sched_cls
    r6 = r10
    r6 += -8
    if r1 == 0 goto 1f
    r2 = r10
    r2 += -16
    *(u64 *)(r6 + 0) = r2
1:
    if r1 != 0 goto 2f
    *(u64 *)(r6 + 0) = r1
2:
    r1 = *(u64 *)(r6 + 0)
    *(u32 *)(r1 + 8) = 42
    r0 = 0
    exit
