; 6.1's btf_check_func_arg_match() takes a kernel object only when the
; register is exactly PTR_TO_BTF_ID: one that may still be NULL is taken
; as memory for the `unsigned long *` parameter, and check_mem_reg()
; refuses it (R1 type=ptr_ expected=fp), not "pointer type INT ... is not
; supported".
.prog_type sched_cls
    r1 = r10
    r1 += -8
    *(u64 *)(r1 + 0) = 0
    call bpf_kfunc_call_test_acquire
    r6 = r0
    r1 = r0
    call bpf_kfunc_call_test_acquire
    r0 = 0
    exit
