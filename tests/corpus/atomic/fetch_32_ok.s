; A 32-bit fetch into another register is fine; the old value is zero-extended.
.prog_type sched_cls

    *(u32 *)(r10 - 4) = 5
    w1 = 3
    w1 = atomic_fetch_xor((u32 *)(r10 - 4), w1)
    if r1 > 0xffffffff goto bad
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r10 - 64)
    exit
