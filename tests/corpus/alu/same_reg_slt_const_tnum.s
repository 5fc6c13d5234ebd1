; `if r0 s< r0` can never be taken: 6.12's reg_set_min_max() refines one
; register through two aliasing pointers and its sanity check finds the
; bounds crossed (true_reg1). __mark_reg_unbounded() then resets the bounds
; but keeps the tnum, here the constant 0, so the alias (true_reg2, the
; same register) fails again: const tnum out of sync with range bounds.
; Found by kernel-diff --random (seed 9133, program 2059, --log2).
.prog_type sched_cls
    call bpf_get_prandom_u32
    w0 <<= 31
    if r0 s< r0 goto l0
l0:
    r0 = 0
    exit
