; a bounded loop of 100000 iterations
.prog_type sched_cls
    r1 = 0
l:
    r1 += 1
    if r1 < 100000 goto l
    r0 = 0
    exit
