; T14: direct recursion is a back-edge for the CFG check of 6.1.
    call f
    r0 = 0
    exit
f:
    call f
    r0 = 1
    exit
