; __sk_buff under sched_cls: *(u32 *)(r1 + 8) = r2
.prog_type sched_cls
    r2 = 7
    *(u32 *)(r1 + 8) = r2
    r0 = 0
    exit
