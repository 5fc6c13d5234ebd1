; variable-offset stack read of initialised bytes
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    *(u64 *)(r10 - 16) = r1
    call bpf_get_prandom_u32
    r0 &= 8
    r1 = r10
    r1 += -16
    r1 += r0
    r0 = *(u64 *)(r1 + 0)
    exit
