; A constant compare: the dead branch is never walked, so its bad read is fine.
    r1 = 5
    if r1 == 5 goto 1f
    r0 = r2
1:
    r0 = 0
    exit
