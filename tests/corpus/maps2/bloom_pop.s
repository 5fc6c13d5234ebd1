; tc: a bloom filter cannot pop
.prog_type sched_cls
.map bf bloom_filter key=0 value=4 entries=16
    r1 = bf ll
    r2 = r10
    r2 += -4
    call bpf_map_pop_elem
    r0 = 0
    exit
