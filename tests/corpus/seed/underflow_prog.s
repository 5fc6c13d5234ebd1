; The fix's underflow_prog: main reserves, the callback discards the record
; four times over at run time. 5.19 accepts; 6.1 rejects the discard.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 != 0 goto 1f
    r0 = 0
    exit
1:
    *(u64 *)(r10 - 8) = r0
    r1 = 4
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r1 = *(u64 *)(r2 + 0)
    r2 = 0
    call bpf_ringbuf_discard
    r0 = 0
    exit
