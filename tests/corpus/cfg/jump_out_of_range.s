; T19: a jump past the end of the program.
    goto +5
    r0 = 0
    exit
