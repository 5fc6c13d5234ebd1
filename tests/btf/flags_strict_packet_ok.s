; with NET_IP_ALIGN 2, the IP header (offset 14) is 4-byte aligned
.prog_type xdp
.prog_flags BPF_F_STRICT_ALIGNMENT
    r2 = *(u32 *)(r1 + 0)
    r3 = *(u32 *)(r1 + 4)
    r1 = r2
    r1 += 34
    if r1 > r3 goto out
    r0 = *(u32 *)(r2 + 14)
    r0 = *(u16 *)(r2 + 12)
out:
    r0 = 2
    exit
