; Returning 1 (stop the loop) is fine.
    r1 = 4
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = 1
    exit
