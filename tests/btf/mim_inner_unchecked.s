; The outer lookup's result may be NULL: passed as a map unchecked.
.prog_type sched_cls
.map in0 array key=4 value=8 entries=4
.map outer array_of_maps key=4 value=4 entries=2 inner=in0
    *(u32 *)(r10 - 4) = 0
    r1 = outer ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r1 = r0
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r0 = 0
    exit
