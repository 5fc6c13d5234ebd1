; acquire(unsigned long *) given NULL: check_mem_reg() lets a NULL through.
.prog_type sched_cls
    r1 = 0
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r1 = r0
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
