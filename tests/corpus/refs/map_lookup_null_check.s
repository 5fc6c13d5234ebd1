; A map value used after the NULL check: accepted.
.map m hash key=4 value=16 entries=8
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = *(u64 *)(r0 + 8)
1:
    r0 = 0
    exit
