; bpf_xdp_get_buff_len from syscall: the tracing version takes a BTF xdp_buff
.prog_type syscall
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 188
    r0 = 0
    exit
