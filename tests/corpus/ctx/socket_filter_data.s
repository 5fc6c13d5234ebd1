; socket_filter programs cannot read skb->data directly.
.prog_type socket_filter
    r2 = *(u32 *)(r1 + 76)
    r0 = 0
    exit
