.prog_type kprobe
    r1 = r10
    r1 += -8
    r2 = 8
    r3 = r10
    r3 += -24
    r4 = 0
    r5 = 0
    call bpf_dynptr_read
    r0 = 0
    exit
