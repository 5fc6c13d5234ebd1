; sched_cls: read len, write mark.
.prog_type sched_cls
    r2 = *(u32 *)(r1 + 0)
    *(u32 *)(r1 + 8) = r2
    r0 = 0
    exit
