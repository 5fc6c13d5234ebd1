; Releasing a test kfunc object twice.
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = r10
    r1 += -8
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto 1f
    r6 = r0
    r1 = r0
    call bpf_kfunc_call_test_release
    r1 = r6
    call bpf_kfunc_call_test_release
1:
    r0 = 0
    exit
