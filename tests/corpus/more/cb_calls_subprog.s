; A callback calls a static subprogram that returns 1.
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    call one
    exit
one:
    r0 = 1
    exit
