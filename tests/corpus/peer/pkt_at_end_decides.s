; `if data + 8 > data_end` taken leaves data + 8 beyond the end in that
; branch; there `data_end < data + 8` is known, and the fall-through read
; of 8 bytes is never walked
.prog_type xdp
    r2 = *(u32 *)(r1 + 0)
    r3 = *(u32 *)(r1 + 4)
    r4 = r2
    r4 += 8
    if r4 > r3 goto bad
    r0 = *(u64 *)(r2 + 0)
    r0 = 2
    exit
bad:
    if r3 < r4 goto out
    r0 = *(u64 *)(r2 + 0)
out:
    r0 = 1
    exit
