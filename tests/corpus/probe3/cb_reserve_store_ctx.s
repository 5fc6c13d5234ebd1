; the callback reserves and stores the record in the caller's stack, main submits.
.map rb ringbuf entries=4096
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = *(u64 *)(r10 - 8)
    if r1 == 0 goto out
    r2 = 0
    call bpf_ringbuf_submit
out:
    r0 = 0
    exit
cb:
    r6 = r2
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto skip
    *(u64 *)(r6 + 0) = r0
skip:
    r0 = 0
    exit
