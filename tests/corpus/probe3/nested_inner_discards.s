; cb1 reserves and hands the record to cb2 through its stack; cb2 discards.
.map rb ringbuf entries=4096
    r1 = 1
    r2 = cb1 ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb1:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto done
    *(u64 *)(r10 - 8) = r0
    r1 = 1
    r2 = cb2 ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = *(u64 *)(r10 - 8)
    r2 = 0
    call bpf_ringbuf_discard
done:
    r0 = 0
    exit
cb2:
    r1 = *(u64 *)(r2 + 0)
    r2 = 0
    call bpf_ringbuf_discard
    r0 = 0
    exit
