; the callback reserves and discards twice
.map rb ringbuf entries=4096
    r1 = 1
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
    if r0 == 0 goto out
    r6 = r0
    r1 = r6
    r2 = 0
    call bpf_ringbuf_discard
    r1 = r6
    r2 = 0
    call bpf_ringbuf_discard
out:
    r0 = 0
    exit
