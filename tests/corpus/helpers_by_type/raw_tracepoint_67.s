; bpf_get_stack from raw_tracepoint: raw_tp_prog_func_proto's version, the context first
.prog_type raw_tracepoint
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 67
    r0 = 0
    exit
