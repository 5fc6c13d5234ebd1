; A map key built from zeroed stack.
.map m hash key=8 value=8 entries=2
    *(u64 *)(r10 - 8) = 0
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    r0 = 0
    exit
