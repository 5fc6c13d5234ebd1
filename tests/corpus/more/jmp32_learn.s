; A 32-bit compare learns the 32-bit bounds only.
    call bpf_get_prandom_u32
    r1 = r0
    if w1 > 10 goto 1f
    r0 = r1
    exit
1:
    r0 = 0
    exit
