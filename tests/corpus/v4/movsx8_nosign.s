; r1 = (s8)(r0 & 0x7f) keeps [0, 127] and stays linked to r0
.prog_type sched_cls
    call bpf_get_prandom_u32
    r0 &= 127
    r1 = (s8)r0
    if r1 > 10 goto out
    r2 = r10
    r2 += -16
    r2 += r0
    *(u8 *)(r2 + 0) = 1
out:
    r0 = 0
    exit
