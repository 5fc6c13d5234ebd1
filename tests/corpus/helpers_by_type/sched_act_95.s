; bpf_sk_fullsock from sched_act: ARG_PTR_TO_SOCK_COMMON takes no BTF pointer (no ptr_ in the list)
.prog_type sched_act
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 95
    r0 = 0
    exit
