; A 32-bit spill of a constant and a 32-bit fill.
    r1 = 5
    *(u32 *)(r10 - 8) = r1
    r2 = *(u32 *)(r10 - 8)
    if r2 == 5 goto 1f
    r0 = r3
    exit
1:
    r0 = 0
    exit
