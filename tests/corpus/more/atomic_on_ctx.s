; Atomics may not target the context.
    r2 = 1
    lock *(u32 *)(r1 + 8) += r2
    r0 = 0
    exit
