; a negative offset passes the tracepoint context's header check, but
; not its alignment check (off % size)
.prog_type tracepoint
    r3 = *(u16 *)(r1 - 3)
    r0 = 0
    exit
