; 6.1's test kfunc: a pointer read out of the acquired object (its `next`)
; is the right struct at offset 0, but holds no reference
.prog_type sched_cls
    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    if r0 != 0 goto l0
    exit
l0:
    r1 = r0
    r1 = *(u64 *)(r1 + 16)
    call bpf_kfunc_call_test_release
    r0 = 0
    exit
