; a variable offset up to 0xffff
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 76)
    r3 = *(u32 *)(r1 + 80)
    r4 = r2
    r4 += 14
    if r4 > r3 goto out
    r5 = *(u16 *)(r2 + 0)
    r2 += r5
    r6 = r2
    r6 += 8
    if r6 > r3 goto out
    r0 = *(u64 *)(r2 + 0)
out:
    r0 = 0
    exit
