; bpf_ringbuf_reserve()'s size -8: the kernel keeps the size in an int
; (bpf_call_arg_meta's mem_size), so the record's size is its low 32 bits,
; 0xfffffff8, which 6.12's log prints (sz=0xfffffff8).
.map rb ringbuf entries=4096
    r1 = rb ll
    r2 = -8
    r3 = 0
    call bpf_ringbuf_reserve
    if r0 == 0 goto out
    r1 = r0
    r2 = 0
    call bpf_ringbuf_discard
out:
    r0 = 0
    exit
