; Main reserves; the callback discards. With zero iterations (6.7 rules) main
; would still hold the record at its exit.
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
    r0 = 0
    exit
