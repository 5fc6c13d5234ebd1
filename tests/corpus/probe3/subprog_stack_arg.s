; a subprogram writes through a pointer to the caller's stack
    r1 = r10
    r1 += -8
    call sub
    r0 = *(u64 *)(r10 - 8)
    exit
sub:
    r2 = 42
    *(u64 *)(r1 + 0) = r2
    r0 = 0
    exit
