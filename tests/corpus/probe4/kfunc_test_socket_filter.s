; The test kfuncs are registered for sched_cls, tracing and syscall
; programs only: a socket filter may not call them.
.prog_type socket_filter
    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r1 = r0
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
