; A bpf_loop callback writes at a variable offset into its caller's stack
; (callback_ctx): the range must fit in the caller's frame (issue 16 #1).
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 8) = 0
    r1 = 4
    r2 = cb ll
    r3 = r10
    r3 += -16
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb: r6 = r2
    call bpf_get_prandom_u32
    r0 &= 31
    r6 += r0
    *(u8 *)(r6 + 0) = 1
    r0 = 0
    exit
