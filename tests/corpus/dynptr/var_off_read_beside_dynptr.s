; The same read, its range ending just below the dynptr (fp-24 or fp-32,
; 8 bytes each): uninitialised bytes, which a privileged program may read.
; Both kernels accept it.
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = 8
    r3 = 0
    r4 = r10
    r4 += -16
    call bpf_ringbuf_reserve_dynptr
    call bpf_get_prandom_u32
    r0 &= 8
    r1 = r10
    r1 += r0
    r0 = *(u64 *)(r1 - 32)
    r1 = r10
    r1 += -16
    r2 = 0
    call bpf_ringbuf_discard_dynptr
    r0 = 0
    exit
