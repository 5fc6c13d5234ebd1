; skb->cb[] is writable.
.prog_type sched_cls
    r2 = 1
    *(u32 *)(r1 + 48) = r2
    r0 = *(u32 *)(r1 + 64)
    exit
