; a 4-byte spill of a linked scalar, then a bound learnt on the register:
; 6.1 does not count a partial spill as a spilled register when it syncs
; linked scalars (bpf_get_spilled_reg() reads slot_type[0]), so the fill
; keeps [0, 65535] and the dead read of R9 is walked; 6.12 syncs it
.prog_type xdp
    call bpf_ktime_get_ns
    r0 &= 65535
    r1 = r0
    *(u32 *)(r10 - 8) = r0
    if r0 < 1 goto out
    r1 = *(u32 *)(r10 - 8)
    if r1 >= 1 goto out
    r0 = *(u64 *)(r9 + 0)
out:
    r0 = 0
    exit
