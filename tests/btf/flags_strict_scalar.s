; strict alignment is checked before the pointer's type: a scalar at 1
.prog_flags BPF_F_STRICT_ALIGNMENT
    r1 = 1
    r0 = *(u64 *)(r1 + 0)
    exit
