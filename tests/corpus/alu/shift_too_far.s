; A shift by 64 or more is refused.
    r0 = 1
    r0 <<= 64
    exit
