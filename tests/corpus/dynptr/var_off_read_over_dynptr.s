; A read through a stack pointer with a variable offset that may reach a
; dynptr's bytes (fp-16, a ring buffer record): check_stack_range_initialized()
; lets a privileged program read uninitialised bytes and spills, never a
; dynptr's state. Both kernels refuse it at the first byte it may reach
; (fp-16 is 8 bytes past the lowest, fp-24).
.map rb ringbuf entries=4096
    *(u64 *)(r10 - 24) = 0
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
    r0 = *(u64 *)(r1 - 24)
    r1 = r10
    r1 += -16
    r2 = 0
    call bpf_ringbuf_discard_dynptr
    r0 = 0
    exit
