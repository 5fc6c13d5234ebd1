; __sk_buff under sched_cls: r0 = *(u64 *)(r1 + 0)
.prog_type sched_cls
    r2 = 7
    r0 = *(u64 *)(r1 + 0)
    r0 = 0
    exit
