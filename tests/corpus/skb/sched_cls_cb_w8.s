; __sk_buff under sched_cls: *(u8 *)(r1 + 49) = r2
.prog_type sched_cls
    r2 = 7
    *(u8 *)(r1 + 49) = r2
    r0 = 0
    exit
