; (d) r0 = 0; goto self: the walk finds the infinite loop.
    r0 = 0
1:
    goto 1b
