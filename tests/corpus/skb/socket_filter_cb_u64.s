; __sk_buff under socket_filter: r0 = *(u64 *)(r1 + 56)
.prog_type socket_filter
    r2 = 7
    r0 = *(u64 *)(r1 + 56)
    r0 = 0
    exit
