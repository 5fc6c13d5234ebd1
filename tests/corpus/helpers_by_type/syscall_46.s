; bpf_get_socket_cookie from syscall: the tracing version takes a socket, NULL too in 6.12
.prog_type syscall
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 46
    r0 = 0
    exit
