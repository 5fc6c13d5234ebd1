; Two records held at once and released in the opposite order.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto out
    r6 = r0
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto drop6
    r1 = r6
    r6 = r0
    r2 = 0
    call bpf_ringbuf_submit
drop6:
    r1 = r6
    r2 = 0
    call bpf_ringbuf_discard
out:
    r0 = 0
    exit
