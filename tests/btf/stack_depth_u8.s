; u8 at fp-1, read back
r1 = 0
*(u8 *)(r10 - 1) = r1
r0 = *(u8 *)(r10 - 1)
exit
