; bpf_kfunc_call_test_kptr_get given the context moved by 8: a ctx pointer
; argument may not carry an offset.
    r1 += 8
    r2 = 0
    r3 = 0
    call bpf_kfunc_call_test_kptr_get
    r0 = 0
    exit
