; a loop with no bound
.prog_type sched_cls
    call bpf_get_prandom_u32
l:
    r0 += 1
    if r0 != 0 goto l
    r0 = 0
    exit
