; bpf_ktime_get_tai_ns from socket_filter: a 6.1 base helper, no arguments
.prog_type socket_filter
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 208
    r0 = 0
    exit
