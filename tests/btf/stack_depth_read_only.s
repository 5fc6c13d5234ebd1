; a read of an initialised u64, then an 2-byte read at fp-3 of it
r1 = 0
*(u64 *)(r10 - 8) = r1
r0 = *(u16 *)(r10 - 3)
exit
