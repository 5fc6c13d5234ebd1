; bpf_kfunc_call_test_kptr_get given the context (R1 at entry): not a map
; value ("arg#0 expected pointer to map value").
    r2 = 0
    r3 = 0
    call bpf_kfunc_call_test_kptr_get
    r0 = 0
    exit
