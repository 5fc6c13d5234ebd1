; 32-bit subtraction wraps; upper half zeroed
    call bpf_get_prandom_u32
    w0 &= 3
    w0 -= 4
    if r0 > 0xffffffff goto bad
    if r0 < 0xfffffffc goto bad
    r0 = 0
    exit
bad:
    r0 = *(u64 *)(r10 - 16)
    exit
