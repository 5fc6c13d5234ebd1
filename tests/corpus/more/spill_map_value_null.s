; A maybe-NULL map value spilled and filled, then checked: the fill is checked too.
.map m hash key=4 value=8 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    *(u64 *)(r10 - 16) = r0
    if r0 == 0 goto 1f
    r1 = *(u64 *)(r10 - 16)
    r0 = *(u64 *)(r1 + 0)
1:
    r0 = 0
    exit
