; tc: a bloom filter takes push and peek (no key)
.prog_type sched_cls
.map bf bloom_filter key=0 value=4 entries=16
    r1 = 7
    *(u32 *)(r10 - 4) = r1
    r1 = bf ll
    r2 = r10
    r2 += -4
    r3 = 0
    call bpf_map_push_elem
    r1 = bf ll
    r2 = r10
    r2 += -4
    call bpf_map_peek_elem
    r0 = 0
    exit
