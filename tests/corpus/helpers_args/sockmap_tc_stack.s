.prog_type sched_cls
.map sm sockmap key=4 value=4 entries=4
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    *(u32 *)(r10 - 8) = r1
    r1 = sm ll
    r2 = r10
    r2 += -4
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_map_update_elem
    r0 = 0
    exit
