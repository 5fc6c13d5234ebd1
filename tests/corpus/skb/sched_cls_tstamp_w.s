; __sk_buff under sched_cls: *(u64 *)(r1 + 152) = r2
.prog_type sched_cls
    r2 = 7
    *(u64 *)(r1 + 152) = r2
    r0 = 0
    exit
