; A subprogram reserves and returns the record; main discards it.
.map rb ringbuf entries=4096
    call get
    if r0 == 0 goto 1f
    r1 = r0
    r2 = 0
    call bpf_ringbuf_discard
1:
    r0 = 0
    exit
get:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    exit
