; htab_map_alloc(): 2^27 + 1 entries need 2^28 buckets of 16 bytes, more
; than a u32 of bytes: E2BIG
.prog_type socket_filter
.map m hash key=4 value=4 entries=134217729
    r1 = m ll
    r0 = 0
    exit
