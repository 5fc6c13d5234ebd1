; the kernel prints LD_IND with a negative offset as skb[r6 + -70]
.prog_type socket_filter
    r6 = r1
    r7 = 80
    r0 = *(u8 *)skb[r7 + -70]
    exit
