; 6.12.95's reg_not_null() does not look at the offset: a map value moved by
; an unknown below 2^30 is still not NULL, and `!= 0` is decided
.map m array key=4 value=16 entries=1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r1 = m ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto 1f
    r6 = r0
    call bpf_get_prandom_u32
    r0 &= 0x3fffffff
    r6 += r0
    if r6 != 0 goto 1f
    r0 = r9
1:
    r0 = 0
    exit
