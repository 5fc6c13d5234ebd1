; Reading a field of a socket before the NULL check.
    r2 = 0
    *(u32 *)(r10 - 8) = r2
    *(u64 *)(r10 - 16) = r2
    *(u64 *)(r10 - 24) = r2
    *(u64 *)(r10 - 32) = r2
    *(u64 *)(r10 - 40) = r2
    *(u64 *)(r10 - 48) = r2
    r2 = r10
    r2 += -48
    r3 = 36
    r4 = 0
    r5 = 0
    call bpf_sk_lookup_tcp
    r1 = *(u32 *)(r0 + 0)
    r0 = 0
    exit
