; a pointer's bounds (0) stay too: r7 becomes the scalar 0
.prog_type lsm bprm_check_security
    r6 = r1
    r7 = *(u64 *)(r6 + 0)
    r7 = *(u64 *)(r6 + 8)
    r0 = *(u64 *)(r7 + 0)
    r0 = 0
    exit
