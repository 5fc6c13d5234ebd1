; A bounded loop: allowed for a privileged loader.
    r0 = 0
1:
    r0 += 1
    if r0 < 10 goto 1b
    exit
