; Bitwise operations on pointers are refused.
    r1 &= 0xff
    r0 = 0
    exit
