; A for_each callback must return 0 or 1 as well.
.map arr array key=4 value=8 entries=4
    r1 = arr ll
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r0 = 2
    exit
