; main reserves, runs an empty callback, and leaks
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto out
    r6 = r0
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
out:
    r0 = 0
    exit
cb:
    r0 = 0
    exit
