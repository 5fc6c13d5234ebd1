; A subprogram reserves and drops the record: the leak is found at main's exit.
.map rb ringbuf entries=4096
    call get
    r0 = 0
    exit
get:
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    r0 = 0
    exit
