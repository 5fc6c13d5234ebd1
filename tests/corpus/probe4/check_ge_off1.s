; ptr >= data_end: one byte short
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 76)
    r3 = *(u32 *)(r1 + 80)
    r4 = r2
    r4 += 8
    if r4 >= r3 goto out
    r0 = *(u64 *)(r2 + 1)
out:
    r0 = 0
    exit
