; T13: a bpf_loop callback must return 0 or 1; it returns 2.
    r1 = 4
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = 2
    exit
