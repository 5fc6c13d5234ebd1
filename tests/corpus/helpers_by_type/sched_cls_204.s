; bpf_tcp_raw_gen_syncookie_ipv4 from sched_cls: tc offers it (CONFIG_SYN_COOKIES); a fixed-size header first
.prog_type sched_cls
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 204
    r0 = 0
    exit
