; bpf_user_ringbuf_drain with a callback that returns 0: the callback gets a
; dynptr to each sample (r1) and the caller's context (r2); the map takes entries= only
.prog_type kprobe
.map urb user_ringbuf entries=4096
.map rb ringbuf entries=4096
.map arr array key=4 value=16 entries=1
    r6 = 0
    *(u64 *)(r10 - 8) = r6
    *(u64 *)(r10 - 16) = r6
    r1 = urb ll
    r2 = cb ll
    r3 = r10
    r3 += -16
    r4 = 0
    call bpf_user_ringbuf_drain
    r0 = 0
    exit
cb:
    r0 = 0
    exit
