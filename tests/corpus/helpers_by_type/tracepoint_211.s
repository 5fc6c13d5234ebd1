; bpf_cgrp_storage_delete from tracepoint: invalid in 6.1, a map helper in 6.12
.prog_type tracepoint
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 211
    r0 = 0
    exit
