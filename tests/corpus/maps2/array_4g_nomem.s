; an array of 4 GiB: more memory than the machines veristep is checked on
; have for one map (ENOMEM)
.prog_type socket_filter
.map m array key=4 value=8 entries=536870912
    r1 = m ll
    r0 = 0
    exit
