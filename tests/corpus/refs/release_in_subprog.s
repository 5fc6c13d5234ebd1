; Main reserves, a static subprogram discards: references travel into and
; back out of plain subprograms, so this is accepted.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto 1f
    r1 = r0
    call drop
1:
    r0 = 0
    exit
drop:
    r2 = 0
    call bpf_ringbuf_discard
    r0 = 0
    exit
