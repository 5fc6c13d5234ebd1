; Writing skb->data is not allowed.
.prog_type sched_cls
    r2 = 0
    *(u32 *)(r1 + 76) = r2
    r0 = 0
    exit
