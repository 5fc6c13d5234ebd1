; main calls s1, which calls s2, ... s7: eight frames, the limit; one
; more (s8) would be refused while walking ("9 frames is too deep")
.prog_type tracepoint
    call s1
    r0 = 0
    exit
s1:
    call s2
    exit
s2:
    call s3
    exit
s3:
    call s4
    exit
s4:
    call s5
    exit
s5:
    call s6
    exit
s6:
    call s7
    exit
s7:
    r0 = 0
    exit
