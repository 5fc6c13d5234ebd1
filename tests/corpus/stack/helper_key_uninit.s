; A map key read from stack that was never written (privileged: allowed).
.map m hash key=8 value=8 entries=2
    r1 = m ll
    r2 = r10
    r2 += -8
    call bpf_map_lookup_elem
    r0 = 0
    exit
