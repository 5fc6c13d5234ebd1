.prog_type kprobe
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    r4 = r10
    r4 += -12
    call bpf_ringbuf_reserve_dynptr
    r0 = 0
    exit
