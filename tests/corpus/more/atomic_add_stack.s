; Atomic add on an initialised stack slot, and a fetch variant.
    r1 = 1
    *(u64 *)(r10 - 8) = r1
    lock *(u64 *)(r10 - 8) += r1
    r2 = 2
    r2 = atomic_fetch_add((u64 *)(r10 - 8), r2)
    r0 = r2
    exit
