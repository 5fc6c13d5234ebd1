; A callee may not store a pointer to its own stack in its caller's stack.
    r1 = r10
    r1 += -8
    call f
    r0 = 0
    exit
f:
    r2 = r10
    r2 += -16
    *(u64 *)(r1 + 0) = r2
    r0 = 0
    exit
