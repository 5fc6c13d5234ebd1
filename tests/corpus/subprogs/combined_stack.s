; T15: main uses 256 bytes of stack, the callee 288: together over 512.
    r1 = 0
    *(u64 *)(r10 - 256) = r1
    call f
    r0 = 0
    exit
f:
    r1 = 0
    *(u64 *)(r10 - 288) = r1
    r0 = 0
    exit
