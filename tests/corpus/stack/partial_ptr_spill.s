; Spilling a pointer with a 4-byte store.
    *(u32 *)(r10 - 8) = r1
    r0 = 0
    exit
