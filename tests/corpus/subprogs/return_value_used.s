; The callee's R0 is the caller's R0; a known constant flows back.
    r1 = 5
    call f
    if r0 == 6 goto 1f
    r0 = r2
1:
    r0 = 0
    exit
f:
    r0 = r1
    r0 += 1
    exit
