; bpf_kfunc_call_test_kptr_get from XDP: the test kfuncs are registered for
; sched_cls ("calling kernel function ... is not allowed").
.prog_type xdp
    r1 = 0
    r2 = 0
    r3 = 0
    call bpf_kfunc_call_test_kptr_get
    r0 = 0
    exit
