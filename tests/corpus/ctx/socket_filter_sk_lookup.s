; bpf_sk_lookup_tcp is not offered to socket filters.
.prog_type socket_filter
    r2 = r10
    r2 += -48
    r3 = 36
    r4 = 0
    r5 = 0
    call bpf_sk_lookup_tcp
    r0 = 0
    exit
