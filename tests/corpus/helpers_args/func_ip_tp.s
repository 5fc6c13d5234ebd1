.prog_type tracepoint
    call bpf_get_func_ip
    r0 = 0
    exit
