; Two nested bounded loops.
    r6 = 0
    r8 = 0
1:
    r7 = 0
2:
    r8 += 1
    r7 += 1
    if r7 < 5 goto 2b
    r6 += 1
    if r6 < 5 goto 1b
    r0 = r8
    exit
