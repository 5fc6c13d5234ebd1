; A 4-byte write at a variable stack offset (fp-64 .. fp-8) covers half of
; the pointer spilled at fp-8. 6.12 scrubs the whole spill to misc
; (scrub_special_slot), so the 8-byte read gives an unknown scalar; 6.1
; marks only the 4 written bytes and refuses the mixed read.
.prog_type sched_cls
    *(u64 *)(r10 - 8) = r1
    call bpf_get_prandom_u32
    r0 &= 56
    r4 = r10
    r4 += -64
    r4 += r0
    *(u32 *)(r4 + 0) = r0
    r2 = *(u64 *)(r10 - 8)
    r0 = 0
    exit
