; __sk_buff under sched_cls: r0 = *(u8 *)(r1 + 181)
.prog_type sched_cls
    r2 = 7
    r0 = *(u8 *)(r1 + 181)
    r0 = 0
    exit
