; OR with a constant sets known bits; a compare can then be decided.
    call bpf_get_prandom_u32
    r0 |= 8
    if r0 == 0 goto 1f
    r0 = 0
    exit
1:
    r0 = r2
    exit
