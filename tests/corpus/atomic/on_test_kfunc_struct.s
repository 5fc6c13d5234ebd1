; An atomic add into the struct a test kfunc returned: BTF pointers are not
; among the types check_atomic() refuses by name, so the write is judged by the
; program type's btf_struct_access (sched_cls: tc_cls_act_btf_struct_access).
.prog_type sched_cls

    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    if r0 == 0 goto out
    r6 = r0
    r2 = 1
    lock *(u32 *)(r6 + 0) += w2
    r1 = r6
    call bpf_kfunc_call_test_release
out:
    r0 = 0
    exit
