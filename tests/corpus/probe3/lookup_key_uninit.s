.map arr array key=4 value=8 entries=1
    r1 = arr ll
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r0 = 0
    exit
