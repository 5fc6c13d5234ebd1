; Test kfuncs: the callback acquires and releases: accepted.
.prog_type sched_cls
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = r10
    r1 += -8
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto 1f
    r1 = r0
    call bpf_kfunc_call_test_release
1:
    r0 = 0
    exit
