; A self-jump followed by exit: the CFG pass finds the exit unreachable.
    r0 = 0
1:
    goto 1b
    exit
