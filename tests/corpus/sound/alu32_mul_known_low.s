; w2 *= w6 where r6's low half is the constant 3 and its high half unknown:
; the 32-bit op looks only at the 32-bit bounds (issue 16 #3).
    call bpf_get_prandom_u32
    r6 = r0
    r6 <<= 32
    r6 |= 3
    w2 = 7
    w2 *= w6
    r1 = r10
    r1 += -32
    r1 += r2
    *(u8 *)(r1 + 0) = 0
    r0 = 0
    exit
