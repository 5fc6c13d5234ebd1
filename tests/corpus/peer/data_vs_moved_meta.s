; data compared with data_meta + N the other way round: only data itself
; (reg_is_init_pkt_pointer() on the destination) gives the meta pointer a
; range; data + 1 gives none, so the second read is refused
.prog_type xdp
    r2 = *(u32 *)(r1 + 8)
    r3 = *(u32 *)(r1 + 0)
    r6 = r2
    r6 += 8
    if r3 < r6 goto out
    r0 = *(u8 *)(r2 + 7)
    r3 += 1
    r6 += 8
    if r3 < r6 goto out
    r0 = *(u8 *)(r2 + 15)
out:
    r0 = 0
    exit
