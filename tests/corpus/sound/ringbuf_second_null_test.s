; A second NULL test of a checked ring buffer record: 6.12 knows it is
; not NULL (reg_not_null) and skips the leaking branch; 6.1 walks it.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto 1f
    r6 = r0
    if r6 == 0 goto 2f
    r1 = r6
    r2 = 0
    call bpf_ringbuf_discard
1:  r0 = 0
    exit
2:  r0 = 1
    exit
