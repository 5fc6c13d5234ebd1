; Bounds a dead branch made contradictory (umin 8 > umax 0 once the
; tnum says 0): pointer + that scalar is tainted into a scalar (issue 16 #2).
call bpf_get_prandom_u32
r0 &= 31
r0 <<= 8
if r0 < 8 goto out
if r0 >= 100 goto out
r1 = r10
r1 += -64
r1 += r0
*(u8 *)(r1 + 0) = 0
out: r0 = 0
exit
