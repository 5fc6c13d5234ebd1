; __sk_buff under socket_filter: r0 = *(u16 *)(r1 + 100)
.prog_type socket_filter
    r2 = 7
    r0 = *(u16 *)(r1 + 100)
    r0 = 0
    exit
