; __sk_buff under socket_filter: r0 = *(u64 *)(r1 + 152)
.prog_type socket_filter
    r2 = 7
    r0 = *(u64 *)(r1 + 152)
    r0 = 0
    exit
