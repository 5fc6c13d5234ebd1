; the same compare against data itself gives data_meta a range of 8
.prog_type xdp
    r2 = *(u32 *)(r1 + 8)
    r3 = *(u32 *)(r1 + 0)
    r6 = r2
    r6 += 8
    if r6 > r3 goto out
    r0 = *(u8 *)(r2 + 7)
out:
    r0 = 0
    exit
