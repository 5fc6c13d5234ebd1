; a variable-offset byte store below fp-20
call bpf_get_prandom_u32
r0 &= 3
r1 = r10
r1 += -20
r1 += r0
r2 = 0
*(u8 *)(r1 + 0) = r2
r0 = 0
exit
