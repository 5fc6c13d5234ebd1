; 6.12.95: a sign-extending mov clears the linked scalar's id but keeps its
; delta, which then counts when r5 = r4 links them anew
    call bpf_get_prandom_u32
    r2 = r0
    r2 &= 0xff
    r3 = r2
    r3 += 100
    r4 = (s8)r3
    r5 = r4
    r5 += 1
    if r5 s> 10 goto 1f
    if r4 s< 20 goto 1f
    r0 = r9
1:
    r0 = 0
    exit
