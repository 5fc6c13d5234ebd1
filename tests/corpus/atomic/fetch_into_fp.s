; An atomic fetch writes the old value into its source register: check_atomic()
; checks that register as a destination (check_reg_arg DST_OP) before it looks
; at the memory, so a fetch into r10 is "frame pointer is read only".
.prog_type sched_cls

    *(u64 *)(r10 - 16) = 7
    r10 = atomic_fetch_or((u64 *)(r10 - 16), r10)
    r0 = 0
    exit
