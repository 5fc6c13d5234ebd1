.prog_type kprobe
    r1 = r10
    r1 += -8
    r2 = 8
    r3 = 0
    r4 = r10
    r4 += -32
    call bpf_dynptr_from_mem
    r0 = 0
    exit
