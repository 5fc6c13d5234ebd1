; Subtracting from the frame pointer is refused.
    call bpf_get_prandom_u32
    r0 &= 8
    r1 = r10
    r1 -= r0
    r0 = *(u64 *)(r1 - 8)
    exit
