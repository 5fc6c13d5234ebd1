; __sk_buff under sched_cls: r0 = *(u16 *)(r1 + 2)
.prog_type sched_cls
    r2 = 7
    r0 = *(u16 *)(r1 + 2)
    r0 = 0
    exit
