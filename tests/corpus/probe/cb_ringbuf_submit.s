; The callback reserves and submits its own record.
.map rb ringbuf entries=4096
    r1 = 2
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto 1f
    r1 = r0
    r2 = 0
    call bpf_ringbuf_submit
1:
    r0 = 0
    exit
