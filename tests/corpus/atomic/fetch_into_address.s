; A fetch whose old value goes into the register that holds the address: the
; register is made a scalar first (check_reg_arg DST_OP marks it unknown), so
; the access that follows is through a scalar.
.prog_type sched_cls

    *(u64 *)(r10 - 8) = 1
    r1 = r10
    r1 += -8
    r1 = atomic_fetch_add((u64 *)(r1 + 0), r1)
    r0 = 0
    exit
