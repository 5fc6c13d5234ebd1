; ptr - data: a scalar
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 76)
    r3 = *(u32 *)(r1 + 80)
    r4 = r2
    r4 += 8
    if r4 > r3 goto out
    r4 -= r2
    r0 = r4
out:
    r0 = 0
    exit
