; bpf_task_pt_regs from sched_cls: a perfmon base helper taking a BTF task pointer
.prog_type sched_cls
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 175
    r0 = 0
    exit
