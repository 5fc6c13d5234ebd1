; Test kfuncs: main acquires, the callback releases through callback_ctx.
.prog_type sched_cls
    r1 = 0
    *(u64 *)(r10 - 16) = r1
    r1 = r10
    r1 += -16
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    *(u64 *)(r10 - 8) = r0
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    call bpf_kfunc_call_test_release
    r0 = 0
    exit
