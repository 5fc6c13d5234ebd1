; bpf_cgrp_storage_get from tracepoint: id 210 is past 6.1's __BPF_FUNC_MAX_ID, a 6.12 helper
.prog_type tracepoint
    r1 = 0
    r2 = 0
    r3 = 0
    r4 = 0
    r5 = 0
    call 210
    r0 = 0
    exit
