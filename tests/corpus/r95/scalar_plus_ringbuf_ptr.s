; 6.12.95: `scalar += pointer` keeps the scalar's (absent) reference, so
; the sum of a ring buffer record cannot be submitted
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 16
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto 1f
    r1 = 0
    r1 += r0
    r2 = 0
    call bpf_ringbuf_submit
1:
    r0 = 0
    exit
