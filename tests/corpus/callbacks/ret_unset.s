; T13: the callback never sets R0.
    r1 = 4
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    exit
