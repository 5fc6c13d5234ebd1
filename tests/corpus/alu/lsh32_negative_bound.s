; The same sign extension of a negative 32-bit value, checked against a bound
; it can reach: the branch is live, and its bad read is refused.
    call bpf_get_prandom_u32
    if w0 s> -12 goto 1f
    r0 <<= 32
    r0 s>>= 32
    if r0 s> -13 goto 2f
1:
    r0 = 0
    exit
2:
    r0 = *(u64 *)(r10 +0)
    exit
