; fentry: bpf_get_func_ip(ctx) is allowed
.prog_type tracing fentry tcp_v4_connect
    call bpf_get_func_ip
    r0 = 0
    exit
