; bpf_user_ringbuf_drain takes a user ring buffer, not a ring buffer
.prog_type kprobe
.map urb user_ringbuf entries=4096
.map rb ringbuf entries=4096
.map arr array key=4 value=16 entries=1
    r1 = rb ll
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_user_ringbuf_drain
    r0 = 0
    exit
cb:
    r0 = 0
    exit
