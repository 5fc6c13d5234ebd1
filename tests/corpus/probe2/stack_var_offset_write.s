; Writing the stack at a variable offset (privileged).
    call bpf_get_prandom_u32
    r0 &= 8
    r1 = r10
    r1 += -16
    r1 += r0
    r2 = 0
    *(u64 *)(r1 + 0) = r2
    r0 = 0
    exit
