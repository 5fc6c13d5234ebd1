; Legacy packet loads from a socket filter; R6 must hold the context.
.prog_type socket_filter
    r6 = r1
    r0 = *(u8 *)skb[12]
    r0 = *(u16 *)skb[r0]
    r0 = 0
    exit
