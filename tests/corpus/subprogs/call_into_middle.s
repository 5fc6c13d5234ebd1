; A bpf-to-bpf call to an instruction that is not the start of the callee's code is still a subprogram start.
    call +2
    r0 = 0
    exit
    r0 = 1
    exit
