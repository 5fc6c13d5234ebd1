; strict alignment checks packets as if NET_IP_ALIGN were 2: 2+0+1 is odd
.prog_type xdp
.prog_flags BPF_F_STRICT_ALIGNMENT
    r2 = *(u32 *)(r1 + 0)
    r3 = *(u32 *)(r1 + 4)
    r1 = r2
    r1 += 14
    if r1 > r3 goto out
    r0 = *(u16 *)(r2 + 1)
out:
    r0 = 2
    exit
