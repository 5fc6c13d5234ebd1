; a ring buffer of 5000 bytes: libbpf rounds its size up to a power-of-2
; number of pages (8192) before creating it, so the kernel takes it
.prog_type kprobe
.map rb ringbuf entries=5000
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto 1f
    r1 = r0
    r2 = 0
    call bpf_ringbuf_submit
1:
    r0 = 0
    exit
