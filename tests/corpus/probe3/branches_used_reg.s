; the same branches, but the value reaches the exit: no pruning on it
    call bpf_get_prandom_u32
    r6 = r0
    r7 = 0
    if r6 & 1 goto 1f
    r7 = 5
1:
    if r6 & 2 goto 2f
    r7 = 6
2:
    if r6 & 4 goto 3f
    r7 = 7
3:
    if r6 & 8 goto 4f
    r7 = 8
4:
    r0 = r7
    r0 &= 1
    exit
