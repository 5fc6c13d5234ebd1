; the callback replaces a scalar in the caller's stack by a pointer; main then does arithmetic
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 2
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = *(u64 *)(r10 - 8)
    r1 *= 3
    r0 = 0
    exit
cb:
    *(u64 *)(r2 + 0) = r10
    r0 = 0
    exit
