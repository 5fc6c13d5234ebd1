; A loop with a data-dependent branch inside: states are pruned each round.
    r6 = 0
    r7 = 0
1:
    call bpf_get_prandom_u32
    if r0 & 1 goto 2f
    r7 += 1
2:
    r6 += 1
    if r6 < 20 goto 1b
    r0 = 0
    exit
