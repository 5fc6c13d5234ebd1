.prog_type sched_cls
    r2 = 0
    r3 = r10
    r3 += -4
    r4 = 0
    r5 = 0
    call bpf_check_mtu
    r0 = 0
    exit
