; xdp: a cpumap cannot be looked up from a program
.prog_type xdp
.map cm cpumap key=4 value=4 entries=8
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = cm ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r0 = 2
    exit
