; 9d9d00ac seed: main reserves a ring buffer record, spills it, and bpf_loop's
; callback discards it through callback_ctx. 6.1 forbids a callback to release
; a reference it does not own; 5.19 accepted it (a double discard at run time).
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto out
    *(u64 *)(r10 - 8) = r0
    r1 = 1
    r2 = release_cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
out:
    r0 = 0
    exit
release_cb:
    r1 = *(u64 *)(r2 + 0)
    r2 = 0
    call bpf_ringbuf_discard
    r0 = 0
    exit
