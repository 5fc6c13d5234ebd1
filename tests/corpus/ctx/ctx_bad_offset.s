; A context offset that is no field.
.prog_type sched_cls
    r0 = *(u32 *)(r1 + 1000)
    exit
