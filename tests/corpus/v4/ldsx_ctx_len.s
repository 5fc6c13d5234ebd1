; skb->len through a sign-extending load: a scalar
.prog_type sched_cls
    r2 = *(s16 *)(r1 + 0)
    if r2 s> 0 goto out
    r0 = 1
    exit
out:
    r0 = 0
    exit
