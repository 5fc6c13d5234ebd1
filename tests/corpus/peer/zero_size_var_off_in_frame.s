; the same zero-sized access with the offset kept in [-16, -9]: accepted
.prog_type socket_filter
    r0 = 0
    *(u64 *)(r10 - 16) = r0
    *(u64 *)(r10 - 8) = r0
    r1 = *(u32 *)(r1 + 0)
    r1 &= 7
    r1 += -16
    r1 += r10
    r2 = 0
    r3 = 0
    call bpf_probe_read_kernel
    r0 = 0
    exit
