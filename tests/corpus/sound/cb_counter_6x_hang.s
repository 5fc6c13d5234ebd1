; A bpf_loop callback counting in its caller's stack: 6.1 walks it once;
; 6.12 iterates to a fixpoint (an unbounded walk in veristep once, issue 16 #4).
*(u64 *)(r10 - 16) = 0
call bpf_get_prandom_u32
r1 = r0
r2 = cb ll
r3 = r10
r3 += -16
r4 = 0
call bpf_loop
r0 = 0
exit
cb: r1 &= 7
r3 = r2
r3 += 8
r3 += r1
r4 = *(u8 *)(r3 + 0)
r3 = *(u64 *)(r2 + 0)
r3 += 1
*(u64 *)(r2 + 0) = r3
r0 = 0
exit
