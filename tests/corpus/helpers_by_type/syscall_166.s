; bpf_sys_bpf from syscall: the attribute buffer (R2) is checked after the command
.prog_type syscall
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 166
    r0 = 0
    exit
