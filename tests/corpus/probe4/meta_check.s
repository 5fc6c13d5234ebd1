; data_meta checked against data
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 140)
    r3 = *(u32 *)(r1 + 76)
    r4 = r2
    r4 += 4
    if r4 > r3 goto out
    r0 = *(u32 *)(r2 + 0)
out:
    r0 = 0
    exit
