; The callback argument must be a function address.
    r1 = 1
    r2 = 0
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
