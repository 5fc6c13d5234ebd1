; A key pointer too close to the top of the frame for the key size.
.map m hash key=8 value=8 entries=2
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r0 = 0
    exit
