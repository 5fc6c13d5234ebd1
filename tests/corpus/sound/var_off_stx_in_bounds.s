; A variable-offset register store that stays inside the frame: accepted,
; and the bytes become STACK_MISC.
    *(u64 *)(r10 - 32) = 0
    *(u64 *)(r10 - 24) = 0
    call bpf_get_prandom_u32
    r0 &= 15
    r1 = r10
    r1 += -32
    r1 += r0
    r2 = 7
    *(u8 *)(r1 + 0) = r2
    r0 = *(u64 *)(r10 - 32)
    r0 &= 1
    exit
