; A narrow load of skb->len.
.prog_type sched_cls
    r0 = *(u8 *)(r1 + 0)
    r0 = *(u16 *)(r1 + 2)
    exit
