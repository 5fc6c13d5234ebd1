; A map value used before the NULL check.
.map m hash key=4 value=16 entries=8
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r1 = *(u64 *)(r0 + 8)
    r0 = 0
    exit
