; A second NULL test of a checked socket: both kernels know it.
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    *(u64 *)(r10 - 40) = 0
    r2 = r10
    r2 += -40
    r3 = 12
    r4 = -1
    r5 = 0
    call bpf_sk_lookup_tcp
    if r0 == 0 goto 1f
    r7 = r0
    if r7 != 0 goto 3f
    r0 = 1
    exit
3:  r1 = r7
    call bpf_sk_release
1:  r0 = 0
    exit
