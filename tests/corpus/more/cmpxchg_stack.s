; cmpxchg needs R0 initialised.
    r1 = 1
    *(u64 *)(r10 - 8) = r1
    r2 = 5
    r0 = cmpxchg_64(r10 - 8, r0, r2)
    exit
