; bswap16 of a constant: 6.12 forgets the value (both branches walked)
.prog_type sched_cls
    r1 = 4660
    r1 = bswap16 r1
    if r1 == 13330 goto a
    r0 = 1
    exit
a:
    r0 = 0
    exit
