; bpf_get_attach_cookie from raw_tracepoint: 6.1 has none, 6.12 raw_tp_prog_func_proto checks the context
.prog_type raw_tracepoint
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 174
    r0 = 0
    exit
