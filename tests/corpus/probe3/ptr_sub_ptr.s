; subtracting two stack pointers gives a scalar
    r1 = r10
    r1 += -8
    r2 = r10
    r2 += -16
    r1 -= r2
    if r1 != 8 goto bad
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r10 - 32)
    exit
