; bpf_dynptr_from_mem from socket_filter: the memory is checked before the dynptr
.prog_type socket_filter
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 197
    r0 = 0
    exit
