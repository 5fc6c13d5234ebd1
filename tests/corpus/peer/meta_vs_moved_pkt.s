; data_meta + 8 compared with a copy of data moved by a variable offset:
; only data itself (reg_is_init_pkt_pointer: no id, no offset) gives the
; meta pointer a range, so the read through data_meta is refused
.prog_type xdp
    r2 = *(u32 *)(r1 + 8)
    r3 = *(u32 *)(r1 + 0)
    r4 = *(u32 *)(r1 + 4)
    r5 = 42
    r6 = 24
    *(u64 *)(r10 - 8) = r5
    lock *(u64 *)(r10 - 8) += r6
    r5 = *(u64 *)(r10 - 8)
    if r5 > 100 goto out
    r3 += r5
    r5 = r3
    r6 = r2
    r6 += 8
    if r6 > r5 goto out
    r2 = *(u8 *)(r2 + 0)
out:
    r0 = 0
    exit
