; The callback index is an unknown u32-sized scalar; bounding it helps.
    r1 = 4
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    if r1 > 3 goto 1f
    r0 = 0
    exit
1:
    r0 = 1
    exit
