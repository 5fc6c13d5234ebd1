; cmpxchg loads the old value into r0: with r0 as the address, r0 is a scalar
; by the time the memory is checked.
.prog_type sched_cls

    *(u64 *)(r10 - 8) = 1
    r0 = r10
    r0 += -8
    r1 = 2
    r0 = cmpxchg_64(r0 + 0, r0, r1)
    r0 = 0
    exit
