; an iterator has no trampoline either
.prog_type tracing iter task
    call bpf_get_func_ip
    r0 = 0
    exit
