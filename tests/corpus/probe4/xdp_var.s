; xdp: a variable offset checked against data_end
.prog_type xdp
    r2 = *(u32 *)(r1 + 0)
    r3 = *(u32 *)(r1 + 4)
    r4 = r2
    r4 += 1
    if r4 > r3 goto out
    r5 = *(u8 *)(r2 + 0)
    r2 += r5
    r6 = r2
    r6 += 2
    if r6 > r3 goto out
    r0 = *(u16 *)(r2 + 0)
out:
    r0 = 2
    exit
