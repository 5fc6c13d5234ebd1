; The `next` member read out of an acquired struct is a pointer of the same
; struct, but not a referenced one: the release kfunc refuses it.
.prog_type sched_cls

    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r6 = r0
    r1 = *(u64 *)(r6 + 16)
    call bpf_kfunc_call_test_release
    r1 = r6
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
