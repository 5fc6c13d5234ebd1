.prog_type kprobe
    r1 = 0
    *(u64 *)(r10 - 16) = r1
    r1 = r10
    r1 += -16
    r2 = 8
    r3 = 0
    r4 = r10
    r4 += -28
    call bpf_strtol
    r0 = 0
    exit
