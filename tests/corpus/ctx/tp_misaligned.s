; tracepoint: a 4-byte read at offset 10
.prog_type tracepoint
    r0 = *(u32 *)(r1 + 10)
    r0 = 0
    exit
