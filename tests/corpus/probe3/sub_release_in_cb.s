; main reserves; bpf_loop's callback passes the caller's record to a static
; subprogram that discards it (the subprogram is not itself a callback frame).
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto out
    *(u64 *)(r10 - 8) = r0
    r1 = 1
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
out:
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    call drop
    r0 = 0
    exit
drop:
    r2 = 0
    call bpf_ringbuf_discard
    r0 = 0
    exit
