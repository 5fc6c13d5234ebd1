; an LSM program's is_valid_access is btf_ctx_access() itself: it may write
; its context (here the return value's slot) with a register
.prog_type lsm bprm_check_security
    r2 = 0
    *(u64 *)(r1 + 8) = r2
    r0 = 0
    exit
