; the callback writes into the caller's record (no release): fine
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto out
    *(u64 *)(r10 - 8) = r0
    r1 = 4
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = *(u64 *)(r10 - 8)
    r2 = 0
    call bpf_ringbuf_submit
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    r3 = 7
    *(u64 *)(r1 + 0) = r3
    r0 = 0
    exit
