; two bpf_loop calls with the same callback
    r1 = 2
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r1 = 3
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = 0
    exit
