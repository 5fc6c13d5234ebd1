; Negation of a bounded value.
    call bpf_get_prandom_u32
    r0 &= 15
    r0 = -r0
    if r0 s> 0 goto 1f
    r0 = 0
    exit
1:
    r0 = r3
    exit
