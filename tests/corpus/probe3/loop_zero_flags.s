; bpf_loop with nonzero flags
    r1 = 2
    r2 = cb ll
    r3 = 0
    r4 = 1
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = 0
    exit
