; A test kfunc called with R1 uninitialised (a call clobbered it): 6.1's
; btf_check_kfunc_arg_match() reads the argument without check_reg_arg(),
; and check_func_arg_reg_off() refuses a register whose var_off is unknown,
; as __mark_reg_not_init() leaves it, before its type is looked at.
; (6.12's vmlinux has no test kfuncs: libbpf refuses the program.)
.prog_type sched_cls
    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r1 = r0
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
