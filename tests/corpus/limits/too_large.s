; T16: a bounded loop whose bound is too large for the 1M instruction budget.
    r1 = 0
1:
    r1 += 1
    if r1 < 1000000 goto 1b
    r0 = 0
    exit
