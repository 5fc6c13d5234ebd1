; T5 variant: the NULL branch exits without releasing (nothing to release).
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto 1f
    r1 = r0
    r2 = 0
    call bpf_ringbuf_discard
    r0 = 0
    exit
1:
    r0 = 1
    exit
