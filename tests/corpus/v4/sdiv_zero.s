; a signed division by the constant 0
.prog_type sched_cls
    r1 = 10
    r1 s/= 0
    r0 = 0
    exit
