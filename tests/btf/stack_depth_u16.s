; u16 at fp-10
r1 = 0
*(u16 *)(r10 - 10) = r1
r0 = 0
exit
