; bpf_ringbuf_query returns a scalar.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 0
    call bpf_ringbuf_query
    exit
