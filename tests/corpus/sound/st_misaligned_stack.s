; A misaligned store of an immediate to the stack: the stack is always
; checked strictly.
    *(u32 *)(r10 - 6) = 0
    r0 = 0
    exit
