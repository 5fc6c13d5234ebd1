; and the slot after that
.prog_type tracing tp_btf sched_switch
    r0 = *(u64 *)(r1 + 40)
    r0 = 0
    exit
