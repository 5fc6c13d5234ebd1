; bpf_strncmp from sched_cls: the first string is memory (6.1 writable, 6.12 read-only)
.prog_type sched_cls
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 182
    r0 = 0
    exit
