; 256 + 256 bytes fit exactly.
    r1 = 0
    *(u64 *)(r10 - 256) = r1
    call f
    r0 = 0
    exit
f:
    r1 = 0
    *(u64 *)(r10 - 256) = r1
    r0 = 0
    exit
