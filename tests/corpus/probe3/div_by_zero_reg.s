; division by an unknown register is allowed (result 0 at run time)
    call bpf_get_prandom_u32
    r1 = 100
    r1 /= r0
    r0 = r1
    r0 &= 1
    exit
