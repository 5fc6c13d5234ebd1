; bpf_kfunc_call_test_kptr_get after a helper call clobbered R1: the
; argument is read without check_reg_arg(), and check_func_arg_reg_off()
; refuses its unknown offset ("variable ? access ... disallowed").
call bpf_get_prandom_u32
r2 = 0
r3 = 0
call bpf_kfunc_call_test_kptr_get
r0 = 0
exit
