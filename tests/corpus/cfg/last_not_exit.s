; T19: the program falls off its end.
    r0 = 0
    exit
    r0 = 1
