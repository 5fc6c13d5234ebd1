; A jump from main into a subprogram's code.
    call f
    if r0 == 0 goto f2
    r0 = 0
    exit
f:
    r0 = 0
f2:
    exit
