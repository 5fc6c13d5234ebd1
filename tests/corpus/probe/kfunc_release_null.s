; Releasing a maybe-NULL test kfunc object.
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = r10
    r1 += -8
    call bpf_kfunc_call_test_acquire
    r1 = r0
    call bpf_kfunc_call_test_release
    r0 = 0
    exit
