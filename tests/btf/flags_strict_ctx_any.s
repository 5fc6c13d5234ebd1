; BPF_F_ANY_ALIGNMENT wins over BPF_F_STRICT_ALIGNMENT: the odd read is the
; context's own business again (socket_filter's __sk_buff: len at 0 is u32)
.prog_type socket_filter
.prog_flags BPF_F_STRICT_ALIGNMENT|BPF_F_ANY_ALIGNMENT
    r2 = *(u16 *)(r1 + 0)
    r0 = 0
    exit
