; a subprogram reads the caller's uninitialised stack
    r1 = r10
    r1 += -8
    call sub
    r0 = 0
    exit
sub:
    r0 = *(u64 *)(r1 + 0)
    exit
