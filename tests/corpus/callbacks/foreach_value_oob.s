; The callback reads past the end of the map value.
.map h hash key=4 value=8 entries=4
    r1 = h ll
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r0 = *(u64 *)(r3 + 8)
    r0 = 0
    exit
