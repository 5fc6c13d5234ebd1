; bpf_kfunc_call_test_kptr_get (KF_KPTR_GET) on a map value without a
; referenced kptr: 6.1 "arg#0 no referenced kptr at map value offset=8";
; 6.12's vmlinux has no test kfuncs (libbpf: not found).
.map vals array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = vals ll
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r1 = r0
    r1 += 8
    r2 = 0
    r3 = 0
    call bpf_kfunc_call_test_kptr_get
1:
    r0 = 0
    exit
