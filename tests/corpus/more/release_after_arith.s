; A released pointer must be the acquired one, not moved.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 16
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto 1f
    r0 += 8
    r1 = r0
    r2 = 0
    call bpf_ringbuf_discard
1:
    r0 = 0
    exit
