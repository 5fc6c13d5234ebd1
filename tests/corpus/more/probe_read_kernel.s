; bpf_probe_read_kernel into a stack buffer (the helper writes it).
.prog_type kprobe
    r1 = r10
    r1 += -16
    r2 = 16
    r3 = 0
    call bpf_probe_read_kernel
    r0 = *(u64 *)(r10 - 8)
    r0 = 0
    exit
