; __sk_buff under socket_filter: r0 = *(u8 *)(r1 + 180)
.prog_type socket_filter
    r2 = 7
    r0 = *(u8 *)(r1 + 180)
    r0 = 0
    exit
