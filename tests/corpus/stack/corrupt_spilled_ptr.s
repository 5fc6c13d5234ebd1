; Overwriting part of a spilled pointer (root: allowed, the slot becomes data).
    *(u64 *)(r10 - 8) = r1
    r2 = 0
    *(u32 *)(r10 - 8) = r2
    r3 = *(u64 *)(r10 - 8)
    r0 = *(u32 *)(r3 + 0)
    exit
