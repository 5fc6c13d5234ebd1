; data_end < data + 8 as the check (reversed operands).
.prog_type xdp
    r2 = *(u32 *)(r1 + 0)
    r3 = *(u32 *)(r1 + 4)
    r4 = r2
    r4 += 8
    if r3 < r4 goto 1f
    r0 = *(u64 *)(r2 + 0)
1:
    r0 = 2
    exit
