; Byte swaps make the value unknown.
    r0 = 0x1234
    r0 = be16 r0
    r0 = le32 r0
    exit
