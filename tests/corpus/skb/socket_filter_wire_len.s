; __sk_buff under socket_filter: r0 = *(u32 *)(r1 + 160)
.prog_type socket_filter
    r2 = 7
    r0 = *(u32 *)(r1 + 160)
    r0 = 0
    exit
