; Division by the constant 0 is refused.
    r0 = 1
    r0 /= 0
    exit
