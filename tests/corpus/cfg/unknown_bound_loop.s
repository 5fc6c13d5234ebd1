; (d) counting down from a random number to zero.
    call bpf_get_prandom_u32
1:
    r0 -= 1
    if r0 != 0 goto 1b
    exit
