; the callback returns 1 (stop) on one path and 0 on another
    r1 = 5
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = 0
    if r1 > 2 goto stop
    exit
stop:
    r0 = 1
    exit
