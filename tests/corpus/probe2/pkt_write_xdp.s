; xdp may write the packet after a bounds check.
.prog_type xdp
    r2 = *(u32 *)(r1 + 0)
    r3 = *(u32 *)(r1 + 4)
    r4 = r2
    r4 += 2
    if r4 > r3 goto 1f
    r5 = 0
    *(u16 *)(r2 + 0) = r5
1:
    r0 = 2
    exit
