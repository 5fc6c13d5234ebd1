; Subtracting two pointers gives a scalar (privileged).
    r2 = r10
    r3 = r10
    r3 += -8
    r2 -= r3
    r0 = r2
    exit
