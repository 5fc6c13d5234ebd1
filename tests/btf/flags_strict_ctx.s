; BPF_F_STRICT_ALIGNMENT: a 2-byte context read at an odd offset is misaligned
.prog_type socket_filter
.prog_flags BPF_F_STRICT_ALIGNMENT
    r2 = *(u16 *)(r1 + 1)
    r0 = 0
    exit
