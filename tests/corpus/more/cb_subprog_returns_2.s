; The callback returns what a subprogram computed: 2.
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    call two
    exit
two:
    r0 = 2
    exit
