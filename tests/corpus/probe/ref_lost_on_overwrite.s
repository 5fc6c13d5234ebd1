; The only register holding a reference is overwritten: the leak is still found.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    r0 = 0
    r0 = 1
    exit
