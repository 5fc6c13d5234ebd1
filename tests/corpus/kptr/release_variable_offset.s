; The acquired pointer moved by a bounded but unknown amount: a release
; argument must be the pointer as acquired.
.prog_type sched_cls

    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r6 = r0
    r2 = *(u32 *)(r6 + 0)
    r2 &= 8
    r1 = r6
    r1 += r2
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
