; 32-bit signed modulo by a register
.prog_type sched_cls
    w1 = -7
    w2 = 2
    w1 s%= w2
    r0 = r1
    exit
