; skb->data through a sign-extending load
.prog_type sched_cls
    r2 = *(s32 *)(r1 + 76)
    r0 = 0
    exit
