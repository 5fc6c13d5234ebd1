; bpf_per_cpu_ptr from kprobe: a per-CPU BTF pointer is expected
.prog_type kprobe
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 153
    r0 = 0
    exit
