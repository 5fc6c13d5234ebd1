; 32-bit arithmetic on a pointer.
    w1 += 1
    r0 = 0
    exit
