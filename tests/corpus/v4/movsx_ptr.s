; r1 = (s32)r10: a pointer sign-extended is an unknown scalar for root
.prog_type sched_cls
    r1 = (s32)r10
    r0 = *(u64 *)(r1 + 0)
    exit
