; a variable offset added after the check: the range is lost
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 76)
    r3 = *(u32 *)(r1 + 80)
    r4 = r2
    r4 += 14
    if r4 > r3 goto out
    r5 = *(u8 *)(r2 + 0)
    r5 &= 15
    r2 += r5
    r0 = *(u8 *)(r2 + 0)
out:
    r0 = 0
    exit
