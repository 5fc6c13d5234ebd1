; Arithmetic shift of a negative-capable value, then a signed compare.
    call bpf_get_prandom_u32
    r0 <<= 32
    r0 s>>= 40
    if r0 s> 100 goto 1f
    r0 = 0
1:
    exit
