; __sk_buff under socket_filter: r0 = *(u32 *)(r1 + 176)
.prog_type socket_filter
    r2 = 7
    r0 = *(u32 *)(r1 + 176)
    r0 = 0
    exit
