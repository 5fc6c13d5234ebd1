; bpf_kfunc_call_test_kptr_get given a stack slot: its first argument must
; be a map value ("arg#0 expected pointer to map value").
    r1 = r10
    r1 += -8
    r2 = 0
    r3 = 0
    call bpf_kfunc_call_test_kptr_get
    r0 = 0
    exit
