; ctx holds a flag the callback flips; iteration two reads the other value.
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 3
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r3 = *(u64 *)(r2 + 0)
    r3 ^= 1
    *(u64 *)(r2 + 0) = r3
    r0 = r3
    exit
