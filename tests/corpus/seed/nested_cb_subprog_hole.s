; T10b: cb1 calls a static subprogram that reserves and returns the record;
; cb1 drops it. The subprogram is not a callback frame, so the reference is
; tagged callback_ref=0 and no exit on the way checks it (derived: accepted by
; 6.1, a leak at run time); 5.19 reports it at main's exit.
.map rb ringbuf entries=4096
    r1 = 1
    r2 = cb1 ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb1:
    call get_rec
    r0 = 0
    exit
get_rec:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    exit
