; bpf_d_path_allowed(): an LSM hook that may sleep (bprm_check_security is
; in sleepable_lsm_hooks) allows it though the program is not sleepable;
; then the argument must be a struct path
.prog_type lsm bprm_check_security
    r1 = *(u64 *)(r1 + 0)
    r2 = r10
    r2 += -16
    r3 = 16
    call bpf_d_path
    r0 = 0
    exit
