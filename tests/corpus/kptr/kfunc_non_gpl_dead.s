; The same refusal for a kernel function call the walk would never reach:
; add_kfunc_call() looks at every call instruction before the walk, and the
; licence check comes before anything else about the call.
.prog_type sched_cls
.license "Dual BSD"
    r0 = 0
    if r0 == 0 goto out
    r2 = 0
    r3 = 0
    call bpf_kfunc_call_test_kptr_get
out:
    r0 = 0
    exit
