; a ring buffer may spell out key=0 value=0, which is what the kernel wants
.prog_type socket_filter
.map rb ringbuf key=0 value=0 entries=4096
    r1 = rb ll
    r2 = 0
    call bpf_ringbuf_query
    r0 = 0
    exit
