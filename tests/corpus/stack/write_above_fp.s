; Writing at or above the frame pointer.
    r1 = 0
    *(u64 *)(r10 + 0) = r1
    r0 = 0
    exit
