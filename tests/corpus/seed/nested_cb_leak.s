; Nested callbacks: cb1 (frame 1) reserves, calls bpf_loop with cb2 (frame 2),
; which does nothing; cb1 then returns without releasing. 6.1: cb2's exit
; passes (the reference is frame 1's), cb1's exit reports the leak.
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
    r1 = 1
    r2 = cb2 ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb2:
    r0 = 0
    exit
