; A spilled constant comes back as the same constant.
    r1 = 7
    *(u64 *)(r10 - 8) = r1
    r2 = *(u64 *)(r10 - 8)
    if r2 == 7 goto 1f
    r0 = r3
1:
    r0 = 0
    exit
