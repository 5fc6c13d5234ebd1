; A variable-offset store of an immediate inside the frame: accepted.
    *(u64 *)(r10 - 32) = 0
    *(u64 *)(r10 - 24) = 0
    call bpf_get_prandom_u32
    r0 &= 15
    r1 = r10
    r1 += -32
    r1 += r0
    *(u8 *)(r1 + 0) = 0
    r0 = *(u64 *)(r10 - 24)
    r0 &= 1
    exit
