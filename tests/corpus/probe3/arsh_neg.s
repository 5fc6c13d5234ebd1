; arithmetic shift of a negative range, then a bounds check
    call bpf_get_prandom_u32
    r0 &= 0xff
    r0 -= 128
    r0 s>>= 4
    if r0 s< -8 goto bad
    if r0 s> 7 goto bad
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r10 - 8)
    exit
