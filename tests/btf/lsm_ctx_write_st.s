; with an immediate: 6.1 refuses BPF_ST into the context before looking,
; 6.12 lets it through to btf_ctx_access()
.prog_type lsm bprm_check_security
    *(u64 *)(r1 + 8) = 0
    r0 = 0
    exit
