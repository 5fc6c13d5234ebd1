; The callback returns its index masked to one bit.
    r1 = 8
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = r1
    r0 &= 1
    exit
