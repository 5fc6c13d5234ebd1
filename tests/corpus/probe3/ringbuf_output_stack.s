.map rb ringbuf entries=4096
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = rb ll
    r2 = r10
    r2 += -8
    r3 = 8
    r4 = 0
    call bpf_ringbuf_output
    r0 = 0
    exit
