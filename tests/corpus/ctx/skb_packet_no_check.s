; sched_cls: packet access without a bounds check.
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 76)
    r0 = *(u8 *)(r2 + 0)
    r0 = 0
    exit
