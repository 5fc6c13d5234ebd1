; The callback stores a stack pointer value (scalar) only: converges.
    r1 = 7
    *(u64 *)(r10 - 8) = r1
    r1 = 10
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r3 = *(u64 *)(r2 + 0)
    r3 &= 7
    *(u64 *)(r2 + 0) = r3
    r0 = 0
    exit
