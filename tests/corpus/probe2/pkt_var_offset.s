; A packet pointer advanced by a bounded variable, then checked against data_end.
.prog_type sched_cls
    r6 = r1
    call bpf_get_prandom_u32
    r0 &= 15
    r2 = *(u32 *)(r6 + 76)
    r3 = *(u32 *)(r6 + 80)
    r2 += r0
    r4 = r2
    r4 += 4
    if r4 > r3 goto 1f
    r0 = *(u32 *)(r2 + 0)
1:
    r0 = 0
    exit
