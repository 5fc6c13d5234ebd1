; Eight independent unknown branches: 256 paths unless states are pruned.
    call bpf_get_prandom_u32
    r6 = r0
    r7 = 0
    if r6 & 1 goto 1f
    r7 += 1
1:
    if r6 & 2 goto 1f
    r7 += 1
1:
    if r6 & 4 goto 1f
    r7 += 1
1:
    if r6 & 8 goto 1f
    r7 += 1
1:
    if r6 & 16 goto 1f
    r7 += 1
1:
    if r6 & 32 goto 1f
    r7 += 1
1:
    if r6 & 64 goto 1f
    r7 += 1
1:
    if r6 & 128 goto 1f
    r7 += 1
1:
    r0 = r7
    exit
