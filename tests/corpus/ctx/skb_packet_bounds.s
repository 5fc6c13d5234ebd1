; sched_cls: direct packet access after a bounds check against data_end.
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 76)
    r3 = *(u32 *)(r1 + 80)
    r4 = r2
    r4 += 14
    if r4 > r3 goto 1f
    r0 = *(u8 *)(r2 + 13)
1:
    r0 = 0
    exit
