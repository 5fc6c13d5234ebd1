; The test kfuncs of net/bpf/test_run.c are registered for tracing
; programs too (with sched_cls and syscall): an fentry program may
; acquire and release (6.1; 6.12's vmlinux no longer has the acquire).
.prog_type tracing fentry tcp_v4_connect
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
