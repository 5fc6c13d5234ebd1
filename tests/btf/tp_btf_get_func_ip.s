; bpf_get_func_ip is offered to every tracing program (bpf_tracing_func_proto)
; and refused by check_get_func_ip() where there is no trampoline
.prog_type tracing tp_btf sched_switch
    call bpf_get_func_ip
    r0 = 0
    exit
