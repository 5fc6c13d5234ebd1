; T19: dead code after exit.
    r0 = 0
    exit
    r0 = 1
    exit
