; `*(u64 *)(r1 + 0) = 0` (BPF_ST) at a variable offset over a spilled zero:
; 6.12 counts it as writing zero and keeps the spill, so r2 is 0 and the
; bad branch is dead; 6.1 turns fp-8 into misc bytes, walks the branch and
; refuses the read below the stack.
.prog_type sched_cls
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    call bpf_get_prandom_u32
    r0 &= 8
    r1 = r10
    r1 += -16
    r1 += r0
    *(u64 *)(r1 + 0) = 0
    r2 = *(u64 *)(r10 - 8)
    if r2 != 0 goto bad
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r10 - 520)
    exit
