; bpf_probe_read_kernel into a stack buffer at a variable offset (raw mode off)
.prog_type kprobe
    call bpf_get_prandom_u32
    r0 &= 8
    r1 = r10
    r1 += -24
    r1 += r0
    r2 = 8
    r3 = 0
    call bpf_probe_read_kernel
    r0 = *(u64 *)(r10 - 16)
    r0 = 0
    exit
