; bpf_dynptr_data gives 8 bytes of the sample: reading at offset 8 is past them
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
    r2 = 0
    r3 = 8
    call bpf_dynptr_data
    if r0 == 0 goto 1f
    r1 = *(u64 *)(r0 + 8)
1:
    r0 = 0
    exit
