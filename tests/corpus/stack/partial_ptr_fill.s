; Filling four bytes of a spilled pointer is refused.
    *(u64 *)(r10 - 8) = r1
    r2 = *(u32 *)(r10 - 8)
    r0 = 0
    exit
