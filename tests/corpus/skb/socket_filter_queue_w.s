; __sk_buff under socket_filter: *(u32 *)(r1 + 12) = r2
.prog_type socket_filter
    r2 = 7
    *(u32 *)(r1 + 12) = r2
    r0 = 0
    exit
