; __sk_buff under socket_filter: *(u8 *)(r1 + 49) = r2
.prog_type socket_filter
    r2 = 7
    *(u8 *)(r1 + 49) = r2
    r0 = 0
    exit
