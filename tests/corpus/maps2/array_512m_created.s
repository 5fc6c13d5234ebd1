; an array of 512 MiB fits the oracle's machine
.prog_type socket_filter
.map m array key=4 value=8 entries=67108864
    r1 = m ll
    r0 = 0
    exit
