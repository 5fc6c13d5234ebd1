; __sk_buff under sched_cls: r0 = *(u16 *)(r1 + 100)
.prog_type sched_cls
    r2 = 7
    r0 = *(u16 *)(r1 + 100)
    r0 = 0
    exit
