; A subprogram may not return a pointer to its own stack.
    call f
    r0 = 0
    exit
f:
    r0 = r10
    r0 += -8
    exit
