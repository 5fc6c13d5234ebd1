; bpf_loop callback returns an unknown value
    r1 = 4
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    call bpf_get_prandom_u32
    exit
