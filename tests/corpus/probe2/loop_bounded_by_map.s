; A loop bounded by a value read from a map and masked.
.map m array key=4 value=8 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 2f
    r6 = *(u64 *)(r0 + 0)
    r6 &= 7
    r7 = 0
1:
    r7 += 1
    if r7 < r6 goto 1b
2:
    r0 = 0
    exit
