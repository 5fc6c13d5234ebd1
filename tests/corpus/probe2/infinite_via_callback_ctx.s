; A loop in main whose bound never changes: infinite.
    r6 = 1
1:
    r6 += 0
    if r6 != 0 goto 1b
    r0 = 0
    exit
