; xdp: data/data_end are at offsets 0 and 4.
.prog_type xdp
    r2 = *(u32 *)(r1 + 0)
    r3 = *(u32 *)(r1 + 4)
    r4 = r2
    r4 += 8
    if r4 > r3 goto 1f
    r0 = *(u64 *)(r2 + 0)
1:
    r0 = 2
    exit
