; bpf_copy_from_user from syscall: syscall programs are sleepable, so the buffer is checked
.prog_type syscall
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 148
    r0 = 0
    exit
