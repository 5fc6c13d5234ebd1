; a sign-extending fill of a spilled byte: [-128, 127]
.prog_type sched_cls
    call bpf_get_prandom_u32
    r0 &= 255
    *(u64 *)(r10 - 8) = r0
    r1 = *(s8 *)(r10 - 8)
    r2 = r10
    r2 += -400
    r2 += r1
    *(u8 *)(r2 + 0) = 1
    r0 = 0
    exit
