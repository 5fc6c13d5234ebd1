; Equality with a constant makes the register that constant.
    call bpf_get_prandom_u32
    if r0 != 3 goto 1f
    r1 = r10
    r1 += r0
    r1 += -8
    r2 = 0
    *(u64 *)(r1 - 0) = r2
1:
    r0 = 0
    exit
