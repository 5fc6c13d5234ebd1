; a zero-sized helper access through a stack pointer with a variable
; offset: its end (smax + off) must not pass the frame pointer, even with
; no byte read; here it may reach fp+47
.prog_type socket_filter
    r0 = 0
    *(u64 *)(r10 - 16) = r0
    *(u64 *)(r10 - 8) = r0
    r1 = *(u32 *)(r1 + 0)
    r1 &= 63
    r1 += -16
    r1 += r10
    r2 = 0
    r3 = 0
    call bpf_probe_read_kernel
    exit
