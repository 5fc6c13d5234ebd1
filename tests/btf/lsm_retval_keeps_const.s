; 6.12.95: reading the previous return value narrows the register as it
; was (no mark_reg_unknown first): a constant 5 stays 5
.prog_type lsm bprm_check_security
    r6 = r1
    r7 = 5
    r7 = *(u64 *)(r6 + 8)
    r0 = r7
    exit
