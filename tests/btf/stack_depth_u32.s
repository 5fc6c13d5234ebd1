; u32 at fp-4
r1 = 0
*(u32 *)(r10 - 4) = r1
r0 = 0
exit
