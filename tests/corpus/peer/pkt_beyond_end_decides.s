; after `if data_end >= data + 8` falls through, data + 8 is beyond the
; packet's end (BEYOND_PKT_END): the next `if data + 8 > data_end` is
; known taken, so the read between them is never walked
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 76)
    r3 = *(u32 *)(r1 + 80)
    r0 = r2
    r0 += 8
    if r3 >= r0 goto ok
    if r0 > r3 goto out
    r0 = *(u8 *)(r2 + 0)
out:
    r0 = 1
    exit
ok:
    r0 = *(u8 *)(r2 + 0)
    r0 = 0
    exit
