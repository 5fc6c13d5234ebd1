; a stack key at an unbounded variable offset
.prog_type sched_cls
.map m hash key=8 value=16 entries=4
    call bpf_get_prandom_u32
    r2 = r10
    r2 += -8
    r2 += r0
    r1 = m ll
    call bpf_map_lookup_elem
    r0 = 0
    exit
