; A loop of about 300000 iterations, well inside the budget.
    r1 = 0
1:
    r1 += 1
    if r1 < 300000 goto 1b
    r0 = 0
    exit
