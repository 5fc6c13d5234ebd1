; The fix's leak_prog: the callback reserves and stashes the record in its
; caller's stack; main discards it after bpf_loop. 5.19 accepts (4 reserves,
; 1 discard at run time); 6.1 rejects at the callback's exit.
.map rb ringbuf entries=4096
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = 4
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_loop
    r1 = *(u64 *)(r10 - 8)
    if r1 == 0 goto 1f
    r2 = 0
    call bpf_ringbuf_discard
1:
    r0 = 0
    exit
cb:
    r6 = r2
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    *(u64 *)(r6 + 0) = r0
    r0 = 0
    exit
