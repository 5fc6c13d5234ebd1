; the same argument checked against NULL first
.prog_type tracing tp_btf kfree_skb
    r1 = *(u64 *)(r1 + 24)
    if r1 == 0 goto out
    r0 = *(u32 *)(r1 + 0)
out:
    r0 = 0
    exit
