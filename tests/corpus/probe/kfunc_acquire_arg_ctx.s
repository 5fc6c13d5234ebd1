; acquire(unsigned long *) given the context: 8 bytes of it read and written as a helper's memory.
.prog_type sched_cls
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r1 = r0
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
