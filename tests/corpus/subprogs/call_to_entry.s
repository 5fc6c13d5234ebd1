; a call back to the program's own first instruction: the oracle's C makes
; it a call relocation against the entry, outside .text, which libbpf
; refuses when it opens the object (the kernel never sees the program)
.prog_type tracepoint
    r1 = 1
    if r1 > 2 goto +1
    call pc-3
    r0 = 0
    exit
