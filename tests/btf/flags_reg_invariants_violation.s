; BPF_F_TEST_REG_INVARIANTS (6.12): the first contradictory bounds fail the
; load with EFAULT (compare tests/corpus/sound/ptr_contradictory_bounds.s)
.prog_flags BPF_F_TEST_REG_INVARIANTS
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
