; bpf_jiffies64 from socket_filter: behind bpf_capable() in bpf_base_func_proto, no arguments
.prog_type socket_filter
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 118
    r0 = 0
    exit
