; only some program types may sleep
.prog_type socket_filter
.prog_flags BPF_F_SLEEPABLE
    r0 = 0
    exit
