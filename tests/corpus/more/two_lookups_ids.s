; Two lookups, one NULL check each: a copy of the first pointer is checked with it.
.map m hash key=4 value=8 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r6 = r0
    r7 = r0
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r6 == 0 goto 1f
    r1 = *(u64 *)(r7 + 0)
    r1 = *(u64 *)(r0 + 0)
1:
    r0 = 0
    exit
