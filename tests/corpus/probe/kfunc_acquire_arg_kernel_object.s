; acquire(unsigned long *) given the object an earlier acquire returned: a kernel pointer for a pointer to a scalar is refused.
.prog_type sched_cls
    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r6 = r0
    r1 = r0
    call bpf_kfunc_call_test_acquire
    r1 = r6
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
