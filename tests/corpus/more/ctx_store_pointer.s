; Storing a pointer into the context (privileged: still refused for ctx).
.prog_type sched_cls
    r2 = r10
    *(u32 *)(r1 + 8) = r2
    r0 = 0
    exit
