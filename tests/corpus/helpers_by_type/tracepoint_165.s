; bpf_snprintf from tracepoint: NULL output with size 0 passes, the format (ARG_PTR_TO_CONST_STR) must be a map value
.prog_type tracepoint
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 165
    r0 = 0
    exit
