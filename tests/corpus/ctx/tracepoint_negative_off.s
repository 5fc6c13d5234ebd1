; tp_prog_is_valid_access() checks `off < sizeof(void *)` with an
; unsigned compare: an aligned read at a negative offset passes it
.prog_type tracepoint
    r0 = *(u32 *)(r1 - 4)
    r2 = *(u64 *)(r1 - 16)
    r3 = *(u16 *)(r1 - 2)
    r0 = 0
    exit
