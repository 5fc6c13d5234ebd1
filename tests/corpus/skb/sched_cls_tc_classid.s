; __sk_buff under sched_cls: r0 = *(u32 *)(r1 + 72)
.prog_type sched_cls
    r2 = 7
    r0 = *(u32 *)(r1 + 72)
    r0 = 0
    exit
