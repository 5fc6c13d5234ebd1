; for_each_map_elem counts elements into the caller's stack
.map arr array key=4 value=8 entries=4
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = arr ll
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_for_each_map_elem
    r0 = *(u64 *)(r10 - 8)
    r0 &= 1
    exit
cb:
    r1 = *(u64 *)(r4 + 0)
    r1 += 1
    *(u64 *)(r4 + 0) = r1
    r0 = 0
    exit
