; kprobe: an 8-byte read at offset 168, past pt_regs
.prog_type kprobe
    r0 = *(u64 *)(r1 + 168)
    r0 = 0
    exit
