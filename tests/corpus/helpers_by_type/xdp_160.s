; bpf_ktime_get_coarse_ns from xdp: bpf_sk_base_func_proto, no arguments
.prog_type xdp
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 160
    r0 = 0
    exit
