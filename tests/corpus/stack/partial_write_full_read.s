; T18: four bytes written, eight read.
    r1 = 0
    *(u32 *)(r10 - 8) = r1
    r0 = *(u64 *)(r10 - 8)
    exit
