; negating a pointer
    r1 = r10
    r1 = -r1
    r0 = 0
    exit
