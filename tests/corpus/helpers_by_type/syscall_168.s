; bpf_sys_close from syscall: accepted (6.12 marks it might_sleep, syscall programs may)
.prog_type syscall
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 168
    r0 = 0
    exit
