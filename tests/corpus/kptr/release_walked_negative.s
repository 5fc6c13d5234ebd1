; A pointer read out of an acquired struct (its `next` member) moved back by 4
; bytes and given to the release kfunc: every pointer argument's offsets are
; checked (check_func_arg_reg_off) before the release rules.
.prog_type sched_cls

    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r6 = r0
    r1 = *(u64 *)(r6 + 16)
    r1 += -4
    call bpf_kfunc_call_test_release
    r1 = r6
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
