; scalar += r10 in a subprogram: Linux 6.12 points into frame 0 (the
; write lands in main's stack and the read at fp-8 sees nothing); 6.1 into
; the subprogram's own frame.
    call sub
    r0 = 0
    exit
sub:
    r6 = 0
    r6 += r10
    r6 += -8
    *(u64 *)(r6 + 0) = 7
    r0 = *(u64 *)(r10 - 8)
    exit
