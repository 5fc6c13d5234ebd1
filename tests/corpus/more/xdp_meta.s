; xdp: data_meta must be checked against data before use.
.prog_type xdp
    r2 = *(u32 *)(r1 + 8)
    r3 = *(u32 *)(r1 + 0)
    r4 = r2
    r4 += 4
    if r4 > r3 goto 1f
    r0 = *(u32 *)(r2 + 0)
1:
    r0 = 2
    exit
