; The callback reserves a record and returns without releasing it: 6.1 reports
; the leak at the callback's own exit; 5.19 at main's exit.
.map rb ringbuf entries=4096
    r1 = 4
    r2 = leak_cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
leak_cb:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    r0 = 0
    exit
