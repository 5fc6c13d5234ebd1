; tracepoint: offset 2048 is still inside the record (PERF_MAX_TRACE_SIZE is 8192)
.prog_type tracepoint
    r0 = *(u8 *)(r1 + 2048)
    r0 = 0
    exit
