; an unknown keeps its id (shared with r0) and is narrowed
.prog_type lsm bprm_check_security
    r6 = r1
    call bpf_get_prandom_u32
    r7 = r0
    r7 = *(u64 *)(r6 + 8)
    r0 = *(u64 *)(r7 + 0)
    r0 = 0
    exit
