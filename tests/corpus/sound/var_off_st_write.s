; A variable-offset store of an immediate past the frame (issue 16 #1):
; both kernels check the whole range [fp-16, fp+16) and refuse.
call bpf_get_prandom_u32
r0 &= 31
r1 = r10
r1 += -16
r1 += r0
*(u8 *)(r1 + 0) = 1
r0 = 0
exit
