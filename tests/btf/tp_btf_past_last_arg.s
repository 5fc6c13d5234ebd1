; the argument index counts the tracepoint's `void *__data`: the slot after
; the last argument is "the 5-th argument" of sched_switch
.prog_type tracing tp_btf sched_switch
    r0 = *(u64 *)(r1 + 32)
    r0 = 0
    exit
