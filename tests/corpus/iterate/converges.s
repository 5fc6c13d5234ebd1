; A callback whose effect does not change across iterations: converges.
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 100
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = *(u64 *)(r10 - 8)
    exit
cb:
    r3 = 5
    *(u64 *)(r2 + 0) = r3
    r0 = 0
    exit
