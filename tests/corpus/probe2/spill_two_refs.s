; Pointers to the stack passed around through spills.
    r1 = r10
    r1 += -16
    *(u64 *)(r10 - 8) = r1
    r2 = *(u64 *)(r10 - 8)
    r3 = 7
    *(u64 *)(r2 + 0) = r3
    r0 = *(u64 *)(r10 - 16)
    exit
