; s/= leaves an unknown scalar
.prog_type sched_cls
    r1 = -10
    r2 = 3
    r1 s/= r2
    if r1 == -3 goto a
    r0 = 1
    exit
a:
    r0 = 0
    exit
