; The for_each callback may not write the key.
.map h hash key=4 value=8 entries=8
    r1 = h ll
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r1 = 0
    *(u32 *)(r2 + 0) = r1
    r0 = 0
    exit
