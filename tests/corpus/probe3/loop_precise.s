; a loop whose counter is used as a stack index (precision needed)
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    *(u64 *)(r10 - 16) = r1
    *(u64 *)(r10 - 24) = r1
    *(u64 *)(r10 - 32) = r1
    r6 = 0
1:
    r1 = r6
    r1 <<= 3
    r2 = r10
    r2 += -32
    r2 += r1
    r0 = *(u64 *)(r2 + 0)
    r6 += 1
    if r6 < 4 goto 1b
    r0 = 0
    exit
