; A program whose licence is not GPL-compatible calls a kernel function:
; add_kfunc_call() refuses it before the walk ("cannot call kernel function
; from non-GPL compatible program"). 6.12 has no test kfuncs (libbpf).
.prog_type sched_cls
.license "Proprietary"
    r2 = 0
    r3 = 0
    call bpf_kfunc_call_test_kptr_get
    r0 = 0
    exit
