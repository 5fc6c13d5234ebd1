; the main function 8, a subprogram 4 bytes at fp-20
r1 = 0
*(u64 *)(r10 - 8) = r1
call sub
r0 = 0
exit
sub:
r1 = 0
*(u32 *)(r10 - 20) = r1
r0 = 0
exit
