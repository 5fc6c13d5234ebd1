; bpf_for_each_map_elem over an array: key and value pointers in R2 and R3.
.map arr array key=4 value=8 entries=4
    r1 = arr ll
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_for_each_map_elem
    r0 = 0
    exit
cb:
    r0 = *(u64 *)(r3 + 0)
    r1 = *(u32 *)(r2 + 0)
    r0 = 0
    exit
