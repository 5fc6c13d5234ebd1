; bpf_kfunc_call_test_kptr_get at a variable offset in a map value ("arg#0
; must have constant offset").
.map vals array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = vals ll
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r6 = *(u8 *)(r0 + 0)
    r6 &= 8
    r1 = r0
    r1 += r6
    r2 = 0
    r3 = 0
    call bpf_kfunc_call_test_kptr_get
1:
    r0 = 0
    exit
