; main calls s1 ... s8: nine frames, one more than the kernel allows
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
    call s8
    exit
s8:
    r0 = 0
    exit
