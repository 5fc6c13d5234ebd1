; a stack key at fp-4: its 8 bytes run past fp
.prog_type sched_cls
.map m hash key=8 value=16 entries=4
    r2 = r10
    r2 += -4
    r1 = m ll
    call bpf_map_lookup_elem
    r0 = 0
    exit
