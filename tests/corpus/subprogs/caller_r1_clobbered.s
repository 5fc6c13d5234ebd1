; After a call, R1-R5 of the caller are gone.
    r1 = 1
    call f
    r0 = r1
    exit
f:
    r0 = 0
    exit
