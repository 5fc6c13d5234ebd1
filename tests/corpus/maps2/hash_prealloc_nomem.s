; 2^27 preallocated elements of 64 bytes (8 GiB) and their buckets: more
; memory than the machines veristep is checked on have (ENOMEM)
.prog_type socket_filter
.map m hash key=4 value=4 entries=134217728
    r1 = m ll
    r0 = 0
    exit
