; __sk_buff under socket_filter: *(u64 *)(r1 + 152) = r2
.prog_type socket_filter
    r2 = 7
    *(u64 *)(r1 + 152) = r2
    r0 = 0
    exit
