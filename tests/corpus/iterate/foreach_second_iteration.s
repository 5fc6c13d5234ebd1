; for_each over an array: the second element visit sees the flag set.
.map arr array key=4 value=8 entries=2
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = arr ll
    r2 = cb ll
    r3 = r10
    r3 += -8
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r5 = *(u64 *)(r4 + 0)
    if r5 == 0 goto 1f
    r0 = 3
    exit
1:
    r5 = 1
    *(u64 *)(r4 + 0) = r5
    r0 = 0
    exit
