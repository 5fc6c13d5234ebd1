.prog_type sched_cls
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r1 = r0
    r1 += 4
    r2 = 8
    r3 = 0
    r4 = 0
    r5 = 0
    call bpf_csum_diff
    r0 = 0
    exit
