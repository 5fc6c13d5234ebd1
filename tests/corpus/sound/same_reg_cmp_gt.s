; A register compared with itself (`if r4 > r4`): Linux 6.12 narrows it on
; the branch where the strict relation would hold, taking both halves of
; the refinement (its two operands alias); 6.1 learns nothing.
.prog_type sched_cls
    call bpf_get_prandom_u32
    r4 = r0
    r4 &= 7
    r4 += 1
    if r4 > r4 goto l1
    r0 = r4
l1:
    r0 = 0
    exit
