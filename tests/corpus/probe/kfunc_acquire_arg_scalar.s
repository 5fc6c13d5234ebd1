; The test kfunc acquire(unsigned long *) given a scalar: 6.1's btf_check_func_arg_match() checks the memory as check_mem_reg() does, whose default case names the register's type against the stack's (`R1 type=scalar expected=fp`).
.prog_type sched_cls
    r1 = -8
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r1 = r0
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
