; bpf_loop with a callback writing fp-6 (u16)
r1 = 4
r2 = cb ll
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r1 = 0
*(u16 *)(r10 - 6) = r1
r0 = 0
exit
