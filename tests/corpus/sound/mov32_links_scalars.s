; w1 = w0 where r0 fits in 32 bits: 6.12 links the two, so the bound
; learned on w1 holds for r0 too; 6.1 does not.
    call bpf_get_prandom_u32
    r0 &= 255
    w1 = w0
    if w1 > 15 goto 1f
    r2 = r10
    r2 += -16
    r2 += r0
    *(u8 *)(r2 + 0) = 0
1:  r0 = 0
    exit
