; w1 *= w2 by an unknown register: 6.1 leaves all 64 bits unknown, 6.12
; multiplies the 32-bit bounds and zero-extends (issue 16 #3).
    call bpf_get_prandom_u32
    r2 = r0
    r1 = 1
    w1 *= w2
    r1 >>= 32
    r3 = r10
    r3 += -8
    r3 += r1
    *(u8 *)(r3 + 0) = 0
    r0 = 0
    exit
