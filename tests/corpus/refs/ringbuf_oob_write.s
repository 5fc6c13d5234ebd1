; Writing past the reserved size of a ring buffer record.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto 1f
    r1 = 7
    *(u64 *)(r0 + 8) = r1
    r1 = r0
    r2 = 0
    call bpf_ringbuf_discard
1:
    r0 = 0
    exit
