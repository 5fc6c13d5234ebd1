; r1 = (s8)(r0 & 0xff) is in [-128, 127]: a stack index that reaches below fp-512
.prog_type sched_cls
    call bpf_get_prandom_u32
    r0 &= 255
    r1 = (s8)r0
    r2 = r10
    r2 += -400
    r2 += r1
    *(u8 *)(r2 + 0) = 1
    r0 = 0
    exit
