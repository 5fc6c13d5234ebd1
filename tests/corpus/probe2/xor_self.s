; r ^= r gives a known zero.
    call bpf_get_prandom_u32
    r1 = r0
    r1 ^= r1
    if r1 == 0 goto 1f
    r0 = r2
1:
    r0 = 0
    exit
