; 6.1's test kfunc: a pointer read out of the acquired object (its `next`)
; and moved by one byte, released. btf_check_func_arg_match() looks for
; the struct at that offset (btf_struct_ids_match(), not strict: the
; pointer holds no reference) and finds an int, before it asks whether
; the argument is referenced
.prog_type sched_cls
    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    if r0 != 0 goto l0
    exit
l0:
    r1 = r0
    r1 = *(u64 *)(r1 + 16)
    r1 += 1
    call bpf_kfunc_call_test_release
    r0 = 0
    exit
