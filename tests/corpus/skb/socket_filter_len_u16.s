; __sk_buff under socket_filter: r0 = *(u16 *)(r1 + 2)
.prog_type socket_filter
    r2 = 7
    r0 = *(u16 *)(r1 + 2)
    r0 = 0
    exit
