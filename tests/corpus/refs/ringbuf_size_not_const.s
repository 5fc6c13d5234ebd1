; The reserve size must be a known constant.
.map rb ringbuf entries=4096
    call bpf_get_prandom_u32
    r2 = r0
    r1 = rb ll
    r3 = 0
    call bpf_ringbuf_reserve
    r0 = 0
    exit
