; A callee cannot read the caller's callee-saved registers.
    r6 = 1
    call f
    r0 = 0
    exit
f:
    r0 = r6
    exit
